package io.github.otelcdi.testing.app;

import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.glassfish.jersey.weld.se.WeldRequestScope;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Weld SE with the test app's beans, as a test starts it. */
public final class WeldStarter {

    private WeldStarter() {
    }

    /**
     * @param id the container's id
     * @return Weld running the app's beans with the extensions on the class path (otel-cdi's, Jersey's)
     */
    public static WeldContainer start(String id) {
        Weld weld = new Weld(id).disableDiscovery()
                .addBeanClasses(OrdersResource.class, StockResource.class, TenantHook.class, WeldRequestScope.class);
        // With discovery off Weld loads no extension of META-INF/services itself.
        for (Extension extension : ServiceLoader.load(Extension.class)) {
            if (!extension.getClass().getName().startsWith("org.jboss.weld.")) {
                weld.addExtension(extension);
            }
        }
        return weld.initialize();
    }
}
