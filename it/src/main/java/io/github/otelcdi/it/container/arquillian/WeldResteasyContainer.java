package io.github.otelcdi.it.container.arquillian;

import io.github.otelcdi.it.container.EmbeddedDeployment;
import io.github.otelcdi.it.container.ResteasyWebArchiveDeployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Weld SE + RESTEasy on Undertow's servlet container. */
public class WeldResteasyContainer extends EmbeddedContainer {

    @Override
    EmbeddedDeployment deploy(WebArchive archive) {
        return ResteasyWebArchiveDeployment.deploy(archive);
    }
}
