package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.client.ClientTracingFeature;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/** Registers CLIENT tracing on every Jersey client built in an application with otel-cdi. */
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class JerseyClientAutoDiscoverable implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(ClientTracingFeature.class)) {
            context.register(ClientTracingFeature.class);
        }
    }
}
