package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.client.ClientTelemetry;
import io.github.otelcdi.jaxrs.internal.client.ClientTracingFeature;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/** Client tracing on Jersey: the portable filter plus Jersey's invocation interceptors. */
@ConstrainedTo(RuntimeType.CLIENT)
public final class JerseyClientTracingFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        ClientTelemetry telemetry = ClientTracingFeature.install(context);
        if (telemetry == null) {
            return false;
        }
        context.register(new JerseyClientInvocations(telemetry));
        return true;
    }
}
