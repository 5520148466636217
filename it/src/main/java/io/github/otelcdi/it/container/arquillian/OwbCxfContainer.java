package io.github.otelcdi.it.container.arquillian;

import io.github.otelcdi.it.container.CxfWebArchiveDeployment;
import io.github.otelcdi.it.container.EmbeddedDeployment;
import java.util.List;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** OpenWebBeans SE + Apache CXF on Jetty's servlet container, with neither Weld nor another JAX-RS implementation around. */
public class OwbCxfContainer extends EmbeddedContainer {

    private static final List<String> OTHER_RUNTIMES = List.of("org.jboss.weld.environment.se.Weld",
            "org.glassfish.jersey.server.ResourceConfig", "org.jboss.resteasy.core.ResteasyProviderFactoryImpl",
            "org.glassfish.grizzly.http.server.HttpServer", "io.undertow.Undertow");

    @Override
    public void start() {
        RequiredAbsent.check("owb-cxf", OTHER_RUNTIMES);
        super.start();
    }

    @Override
    EmbeddedDeployment deploy(WebArchive archive) {
        return CxfWebArchiveDeployment.deploy(archive);
    }
}
