package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.ServerTelemetry;
import io.github.otelcdi.jaxrs.internal.ServerTracing;
import io.github.otelcdi.jaxrs.internal.TelemetryParts;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.InjectionManagerProvider;

/**
 * Server tracing on Jersey: the portable filter, plus the Jersey listener that gives the span its
 * route, scopes it to the resource method and ends it once the response is written.
 */
public final class JerseyServerTracing {

    private JerseyServerTracing() {
    }

    /**
     * @param context the Jersey application's configuration
     * @param parts what the application's telemetry is built from
     * @return true: tracing is installed
     */
    public static boolean install(FeatureContext context, TelemetryParts parts) {
        ServerTelemetry telemetry = parts.serverTelemetry(new JerseyConnections(InjectionManagerProvider.getInjectionManager(context)));
        // The route comes with Jersey's matching event, not from a post-matching filter.
        ServerTracing.installWithoutRoute(context, telemetry, null);
        context.register(new JerseyRequestListener(telemetry));
        return true;
    }
}
