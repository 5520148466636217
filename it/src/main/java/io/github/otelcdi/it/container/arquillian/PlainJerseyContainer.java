package io.github.otelcdi.it.container.arquillian;

import io.github.otelcdi.it.container.EmbeddedDeployment;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import java.util.List;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Jersey on Grizzly with HK2 alone, no CDI container: otel-cdi registered through its public facade. */
public class PlainJerseyContainer extends EmbeddedContainer {

    private static final List<String> CDI_CONTAINERS = List.of("org.jboss.weld.environment.se.Weld",
            "org.glassfish.jersey.ext.cdi1x.internal.CdiComponentProvider");

    @Override
    public void start() {
        RequiredAbsent.check("plain-jersey", CDI_CONTAINERS);
        super.start();
    }

    @Override
    EmbeddedDeployment deploy(WebArchive archive) {
        return WebArchiveDeployment.deployWithoutCdi(archive);
    }
}
