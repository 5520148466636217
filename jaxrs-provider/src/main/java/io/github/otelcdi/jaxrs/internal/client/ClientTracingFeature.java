package io.github.otelcdi.jaxrs.internal.client;

import io.github.otelcdi.cdi.internal.TelemetryRuntime;
import io.github.otelcdi.jaxrs.ClientRequestHook;
import io.github.otelcdi.jaxrs.ClientResponseHook;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns CLIENT spans on for a JAX-RS client of an application with otel-cdi: found through Jersey's
 * auto-discovery, RESTEasy's providers file, or {@code client.register(ClientTracingFeature.class)}.
 * A client built where there is no CDI container (a plain {@code main}, a test) stays untraced.
 */
@ConstrainedTo(RuntimeType.CLIENT)
public final class ClientTracingFeature implements Feature {

    private static final Logger LOG = Logger.getLogger(ClientTracingFeature.class.getName());

    @Override
    public boolean configure(FeatureContext context) {
        return install(context) != null;
    }

    /**
     * Registers the client filter unless it is registered already or tracing is off.
     *
     * @param context the client's configuration
     * @return the telemetry the filter reports to, or null when nothing was registered
     */
    public static ClientTelemetry install(FeatureContext context) {
        if (context.getConfiguration().isRegistered(ClientTracingFilter.class)) {
            return null;
        }
        ClientTelemetry telemetry = applicationTelemetry();
        if (telemetry != null) {
            context.register(new ClientTracingFilter(telemetry), ClientTracingFilter.PRIORITY);
        }
        return telemetry;
    }

    /** @return the client telemetry of the application whose CDI container is current, or null when there is none or tracing is off */
    static ClientTelemetry applicationTelemetry() {
        TelemetryRuntime runtime = lookupRuntime();
        // With the OpenTelemetry Java agent, its instrumentation of the connection underneath traces
        // each call (it runs after every filter, so a span of ours would be a second one, and only a
        // scope held from filter to filter, which no runtime guarantees to close, would stop it).
        if (runtime == null || !runtime.enabled() || runtime.joinsAgent()) {
            return null;
        }
        return runtime.shared(ClientTelemetry.class, () -> new ClientTelemetry(runtime.openTelemetry(),
                runtime.settings(), runtime.hooks(ClientRequestHook.class), runtime.hooks(ClientResponseHook.class)));
    }

    private static TelemetryRuntime lookupRuntime() {
        try {
            return CDI.current().select(TelemetryRuntime.class).get();
        } catch (RuntimeException | LinkageError e) {
            // Clients are built anywhere, also outside applications; not worth a warning.
            LOG.log(Level.FINE, "otel-cdi: no CDI container for this JAX-RS client, so its calls are not traced", e);
            return null;
        }
    }
}
