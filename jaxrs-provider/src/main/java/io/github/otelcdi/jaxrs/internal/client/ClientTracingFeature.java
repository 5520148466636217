package io.github.otelcdi.jaxrs.internal.client;

import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.github.otelcdi.jaxrs.internal.ApplicationTelemetry;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.logging.Level;

/**
 * Turns CLIENT spans on for a JAX-RS client of an application with otel-cdi's CDI extension: the
 * client feature of the application's {@link JaxRsTelemetry}. Found through Jersey's auto-discovery
 * and the Rest Client listener. A client built where there is no CDI container (a plain {@code main},
 * a test) stays untraced unless a {@code JaxRsTelemetry}'s client feature is registered on it.
 */
@ConstrainedTo(RuntimeType.CLIENT)
public final class ClientTracingFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().isRegistered(ClientTracingFilter.class)
                || context.getConfiguration().isRegistered(ClientTracing.class)) {
            return false;
        }
        JaxRsTelemetry telemetry = ApplicationTelemetry.current(Level.FINE);
        return telemetry != null && telemetry.clientFeature().configure(context);
    }

    /** @return the client telemetry of the application whose CDI container is current, or null when there is none or tracing is off */
    static ClientTelemetry applicationTelemetry() {
        JaxRsTelemetry telemetry = ApplicationTelemetry.current(Level.FINE);
        return telemetry == null ? null : ((ClientTracing) telemetry.clientFeature()).telemetry();
    }
}
