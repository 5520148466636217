package io.github.otelcdi.jaxrs.internal.client;

import io.github.otelcdi.jaxrs.internal.ClassPresence;
import io.github.otelcdi.jaxrs.internal.TelemetryParts;
import io.github.otelcdi.jaxrs.internal.jersey.JerseyClientInvocations;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/** The client feature of a {@code JaxRsTelemetry}: registers the filter that traces one client's calls. */
@ConstrainedTo(RuntimeType.CLIENT)
public final class ClientTracing implements Feature {

    private final TelemetryParts parts;

    /** @param parts what the application's telemetry is built from */
    public ClientTracing(TelemetryParts parts) {
        this.parts = parts;
    }

    /** @return the telemetry the client filter reports to; null where nothing is registered (the agent's pipeline) */
    public ClientTelemetry telemetry() {
        return parts.clientTelemetry();
    }

    @Override
    public boolean configure(FeatureContext context) {
        if (!parts.records()) {
            return false;
        }
        boolean jersey = ClassPresence.jersey(context);
        boolean registered = context.getConfiguration().isRegistered(ClientTracingFilter.class);
        if (jersey && registered) {
            return false;
        }
        ClientTelemetry telemetry = telemetry();
        if (telemetry == null) {
            return false;
        }
        if (!jersey) {
            // RESTEasy gives every client the filter of its providers file, which would look for the
            // telemetry of a CDI container; this client's own is told through its configuration.
            context.property(ClientTelemetry.OWN_TELEMETRY, telemetry);
        }
        if (!registered) {
            context.register(new ClientTracingFilter(telemetry), ClientTracingFilter.PRIORITY);
            if (!jersey) {
                context.property(ClientTelemetry.OWN_FILTER, Boolean.TRUE);
            }
        }
        if (jersey) {
            // What only Jersey offers: failed calls end their span too.
            context.register(new JerseyClientInvocations(telemetry));
        }
        return true;
    }
}
