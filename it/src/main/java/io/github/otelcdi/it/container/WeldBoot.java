package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.ServiceLoader;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Starts the CDI container of one archive the way an application server's Weld integration does:
 * the archive's classes as beans, the extensions of the archive and the server found through
 * {@code META-INF/services}, the container reachable through {@code CDI.current()} from the
 * archive's threads.
 */
final class WeldBoot {

    private WeldBoot() {
    }

    /**
     * @param id the container's id
     * @param loader the archive's class loader, the thread's context class loader meanwhile
     * @param classes the archive's classes
     * @param integration beans the JAX-RS runtime's CDI integration contributes
     * @return the running container, registered for {@code CDI.current()}
     */
    static DeploymentCdi start(String id, ClassLoader loader, List<Class<?>> classes, Class<?>... integration) {
        Weld weld = new Weld(id);
        weld.addBeanClasses(integration);
        // With discovery off Weld loads no extension itself: load them like a server does,
        // from the archive's and the server's META-INF/services. Weld registers its own.
        for (Extension extension : ServiceLoader.load(Extension.class, loader)) {
            if (!extension.getClass().getName().startsWith("org.jboss.weld.")) {
                weld.addExtension(extension);
            }
        }
        WeldContainer container = weld
                .disableDiscovery()
                // Not Weld's flat mode (ARCHIVE_ISOLATION false): with discovery off it drops the
                // added classes. Beans added by extensions are visible to the archive anyway.
                .setClassLoader(loader)
                .setBeanDiscoveryMode(BeanDiscoveryMode.ALL)
                .addBeanClasses(classes.toArray(Class<?>[]::new))
                .skipShutdownHook()
                .initialize();
        DeploymentCdiProvider.installed().register(loader, container);
        return new Started(loader, container);
    }

    private record Started(ClassLoader loader, WeldContainer container) implements DeploymentCdi {

        @Override
        public BeanManager beanManager() {
            return container.getBeanManager();
        }

        @Override
        public void stop() {
            if (container.isRunning()) {
                container.shutdown();
            }
            DeploymentCdiProvider.installed().unregister(loader);
        }
    }
}
