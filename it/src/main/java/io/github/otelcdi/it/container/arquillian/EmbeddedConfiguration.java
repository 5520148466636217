package io.github.otelcdi.it.container.arquillian;

import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** Nothing to configure: every deployment gets its own free port on 127.0.0.1. */
public class EmbeddedConfiguration implements ContainerConfiguration {

    @Override
    public void validate() {
        // Nothing can be wrong.
    }
}
