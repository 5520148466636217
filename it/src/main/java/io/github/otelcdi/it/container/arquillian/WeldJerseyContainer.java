package io.github.otelcdi.it.container.arquillian;

import io.github.otelcdi.it.container.EmbeddedDeployment;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Weld SE + Jersey on Grizzly. */
public class WeldJerseyContainer extends EmbeddedContainer {

    @Override
    EmbeddedDeployment deploy(WebArchive archive) {
        return WebArchiveDeployment.deploy(archive);
    }
}
