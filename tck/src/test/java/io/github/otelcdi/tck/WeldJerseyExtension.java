package io.github.otelcdi.tck;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link WeldJerseyContainer} as the (only, so default) Arquillian container. */
public class WeldJerseyExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, WeldJerseyContainer.class);
    }
}
