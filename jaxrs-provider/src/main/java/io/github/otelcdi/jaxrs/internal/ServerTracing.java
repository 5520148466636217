package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.jaxrs.internal.cxf.CxfConnections;
import io.github.otelcdi.jaxrs.internal.jersey.JerseyServerTracing;
import io.github.otelcdi.jaxrs.internal.resteasy.ResteasyConnections;
import io.github.otelcdi.jaxrs.internal.resteasy.ResteasyIntegration;
import io.github.otelcdi.jaxrs.internal.scope.CurrentExchange;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server feature of a {@code JaxRsTelemetry}: registers the filters that trace one JAX-RS
 * application, the same way whether the CDI extension or the application's own code registered it.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class ServerTracing implements Feature {

    private static final Logger LOG = Logger.getLogger(ServerTracing.class.getName());

    private final TelemetryParts parts;

    /** @param parts what the application's telemetry is built from */
    public ServerTracing(TelemetryParts parts) {
        this.parts = parts;
    }

    /**
     * Registers the tracing filters unless they are registered already. A class the runtime hides
     * from the application fails tracing alone, loudly, not the application.
     */
    @Override
    public boolean configure(FeatureContext context) {
        if (!parts.records() || context.getConfiguration().isRegistered(ServerTracingFilter.class)) {
            return false;
        }
        try {
            if (ClassPresence.jersey(context)) {
                // Jersey's listener gives the route and scopes the resource method; no CDI needed.
                return JerseyServerTracing.install(context, parts);
            }
            ConnectionLookup runtime = ClassPresence.cxf(context) ? new CxfConnections() : new ResteasyConnections();
            install(context, parts.serverTelemetry(ConnectionLookup.FROM_CONTAINER.orElse(runtime)), currentExchange());
            return true;
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "otel-cdi could not set up tracing for this application, whose requests are served "
                    + "untraced: a class it needs is not visible here", e);
            return false;
        }
    }

    /**
     * Registers the filters and interceptors of one application (RESTEasy, CXF).
     *
     * @param context the application's configuration
     * @param telemetry the application's server telemetry
     * @param currentExchange where the resource-method interceptor finds the exchange when no servlet
     *                        dispatch of otel-cdi's is on the thread
     */
    public static void install(FeatureContext context, ServerTelemetry telemetry, CurrentExchange currentExchange) {
        installWithoutRoute(context, telemetry, currentExchange);
        context.register(new RouteFilter(telemetry), ServerTracingFilter.PRIORITY);
    }

    /**
     * Registers all but the route filter, for a runtime whose own listener hands over the match
     * (Jersey): each filter registered costs every request there, excluded ones too, a merge of
     * the filter lists (~0.1 KB).
     *
     * @param context the application's configuration
     * @param telemetry the application's server telemetry
     * @param currentExchange as for {@link #install}; null where the runtime's own listener scopes
     *                        the resource method (Jersey)
     */
    public static void installWithoutRoute(FeatureContext context, ServerTelemetry telemetry, CurrentExchange currentExchange) {
        context.register(new ServerTracingFilter(telemetry, currentExchange), ServerTracingFilter.PRIORITY);
        ResteasyIntegration.propagateContext(context.getClass().getClassLoader());
        context.register(new ResponseBodyInterceptor(), ServerTracingFilter.PRIORITY);
        if (telemetry.settings().experimentalServerTelemetry()) {
            context.register(new RequestBodyInterceptor(), ServerTracingFilter.PRIORITY);
        }
    }

    /** @return the CDI bean through which the resource-method interceptor finds the exchange, or null without CDI */
    private static CurrentExchange currentExchange() {
        try {
            Instance<CurrentExchange> holder = CDI.current().select(CurrentExchange.class);
            return holder.isResolvable() ? holder.get() : null;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "otel-cdi: no CDI container; the SERVER span is current in filters and hooks", e);
            return null;
        }
    }
}
