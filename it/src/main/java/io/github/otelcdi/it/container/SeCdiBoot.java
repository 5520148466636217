package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;

/**
 * Starts the CDI container of one archive through the portable CDI SE API, so the implementation is
 * whichever the lane's class path holds (OpenWebBeans on lane owb-cxf): the archive's classes as
 * beans, the extensions of the archive and the "server" found through {@code META-INF/services} by the
 * implementation itself. OpenWebBeans keeps one container per context class loader, so
 * {@code CDI.current()} on the archive's threads finds this one.
 */
final class SeCdiBoot {

    private SeCdiBoot() {
    }

    /**
     * @param loader the archive's class loader, the thread's context class loader meanwhile
     * @param classes the archive's classes
     * @param server what the "server" adds, as a server's own CDI integration would
     * @return the running container
     */
    static DeploymentCdi start(ClassLoader loader, List<Class<?>> classes, Extension... server) {
        SeContainer container = SeContainerInitializer.newInstance()
                .setClassLoader(loader)
                .disableDiscovery()
                .addExtensions(server)
                .addBeanClasses(classes.toArray(Class<?>[]::new))
                .initialize();
        return new Started(container);
    }

    private record Started(SeContainer container) implements DeploymentCdi {

        @Override
        public BeanManager beanManager() {
            return container.getBeanManager();
        }

        @Override
        public void stop() {
            if (container.isRunning()) {
                container.close();
            }
        }
    }
}
