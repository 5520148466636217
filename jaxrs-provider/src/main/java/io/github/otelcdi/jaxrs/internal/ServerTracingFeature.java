package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.cdi.internal.TelemetryRuntime;
import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
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
 * Turns server tracing on for one JAX-RS application: looks up the application's CDI container
 * once, builds the {@link ServerTelemetry}, and registers the filter. Registers nothing when the
 * SDK is disabled, so a disabled SDK costs nothing per request. Found through Jersey's
 * auto-discovery or RESTEasy's providers file (not {@code @Provider} scanning as well: RESTEasy
 * would warn about the second registration).
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class ServerTracingFeature implements Feature {

    private static final Logger LOG = Logger.getLogger(ServerTracingFeature.class.getName());

    @Override
    public boolean configure(FeatureContext context) {
        return installOrWarn(context, ConnectionLookup.FROM_CONTAINER.orElse(new ResteasyConnections()));
    }

    /**
     * {@link #install}, except that a class the runtime hides from the application fails tracing
     * alone, loudly, not the application. A bad setting still stops the deployment, as it should.
     *
     * @param context the application's configuration
     * @param connections how to ask this runtime's container about a request's connection
     * @return true when tracing was installed by this call
     */
    public static boolean installOrWarn(FeatureContext context, ConnectionLookup connections) {
        try {
            return install(context, connections);
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "otel-cdi could not set up tracing for this application, whose requests are served "
                    + "untraced: a class it needs is not visible here", e);
            return false;
        }
    }

    /**
     * Registers the tracing filter unless it is registered already or tracing is off.
     *
     * @param context the application's configuration
     * @param connections how to ask this runtime's container about a request's connection
     * @return true when tracing was installed by this call
     */
    private static boolean install(FeatureContext context, ConnectionLookup connections) {
        if (context.getConfiguration().isRegistered(ServerTracingFilter.class)) {
            return false;
        }
        TelemetryRuntime runtime = lookupRuntime();
        if (runtime == null || !runtime.enabled()) {
            return false;
        }
        ServerTelemetry telemetry = new ServerTelemetry(runtime.openTelemetry(), runtime.settings(), connections,
                runtime.hooks(ServerRequestHook.class), runtime.hooks(ServerResponseHook.class), runtime.logCorrelation(),
                runtime.joinsAgent());
        context.register(new ServerTracingFilter(telemetry, currentExchange()), ServerTracingFilter.PRIORITY);
        context.register(new RouteFilter(telemetry), ServerTracingFilter.PRIORITY);
        ResteasyIntegration.propagateContext(context.getClass().getClassLoader());
        context.register(new ResponseBodyInterceptor(), ServerTracingFilter.PRIORITY);
        if (runtime.settings().experimentalServerTelemetry()) {
            context.register(new RequestBodyInterceptor(), ServerTracingFilter.PRIORITY);
        }
        return true;
    }

    /** @return where the filter hands the exchange to the resource-method interceptor; null where Jersey's listener does that */
    private static CurrentExchange currentExchange() {
        Instance<CurrentExchange> holder = CDI.current().select(CurrentExchange.class);
        return holder.isResolvable() ? holder.get() : null;
    }

    private static TelemetryRuntime lookupRuntime() {
        try {
            return CDI.current().select(TelemetryRuntime.class).get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "otel-cdi found no CDI container for this JAX-RS application, so its requests are "
                    + "not traced. otel-cdi needs CDI (Weld, or a Jakarta EE server) with its extension loaded.", e);
            return null;
        }
    }
}
