package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.CDIProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.environment.se.WeldSEProvider;

/**
 * {@code CDI.current()} as an application server answers it: the container of the deployment whose
 * class loader is the thread's context class loader. Weld SE's own provider tells containers apart
 * by the calling class's name, which is the same in every deployment of the same archive, so with
 * several deployments it hands out the wrong one. Installed once per JVM.
 */
final class DeploymentCdiProvider implements CDIProvider {

    private static final DeploymentCdiProvider INSTANCE = new DeploymentCdiProvider();
    private static boolean installed;

    private final Map<ClassLoader, WeldContainer> containers = new ConcurrentHashMap<>();
    private final WeldSEProvider fallback = new WeldSEProvider();

    static synchronized DeploymentCdiProvider installed() {
        if (!installed) {
            CDI.setCDIProvider(INSTANCE);
            installed = true;
        }
        return INSTANCE;
    }

    void register(ClassLoader loader, WeldContainer container) {
        containers.put(loader, container);
    }

    void unregister(ClassLoader loader) {
        containers.remove(loader);
    }

    @Override
    public CDI<Object> getCDI() {
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            WeldContainer container = containers.get(loader);
            if (container != null) {
                return container;
            }
        }
        return fallback.getCDI();
    }
}
