package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.logging.Level;

/**
 * Turns server tracing on for a JAX-RS application of a CDI container with otel-cdi's extension:
 * registers the server feature of the application's {@link JaxRsTelemetry}. Registers nothing when
 * the SDK is disabled, so a disabled SDK costs nothing per request, nor on Jersey where the
 * application registered a {@code JaxRsTelemetry} of its own (RESTEasy configures this feature
 * before the application's providers, so there the CDI side's comes first). Found through Jersey's auto-discovery,
 * RESTEasy's providers file or CXF's bus extension (not {@code @Provider} scanning as well: RESTEasy would warn
 * about the second registration).
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class ServerTracingFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().isRegistered(ServerTracingFilter.class)
                || context.getConfiguration().isRegistered(ServerTracing.class)) {
            return false;
        }
        // Jersey's auto-discovery runs when the application's own registrations are known (checked
        // above), so nothing else will trace it; RESTEasy configures its providers file before them.
        boolean jersey = ClassPresence.jersey(context);
        JaxRsTelemetry telemetry = ApplicationTelemetry.current(jersey ? Level.WARNING : Level.INFO);
        return telemetry != null && telemetry.serverFeature().configure(context);
    }
}
