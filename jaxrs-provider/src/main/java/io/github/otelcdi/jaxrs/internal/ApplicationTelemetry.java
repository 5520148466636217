package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.cdi.internal.HookBean;
import io.github.otelcdi.cdi.internal.OtelCdiExtension;
import io.github.otelcdi.cdi.internal.TelemetryRuntime;
import io.github.otelcdi.jaxrs.ClientRequestHook;
import io.github.otelcdi.jaxrs.ClientResponseHook;
import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.github.otelcdi.jaxrs.JaxRsTelemetryBuilder;
import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link JaxRsTelemetry} the CDI extension builds for an application, from its SDK, its
 * settings and its hook beans: the same facade an application without CDI builds in code.
 */
public final class ApplicationTelemetry {

    private static final Logger LOG = Logger.getLogger(ApplicationTelemetry.class.getName());

    private ApplicationTelemetry() {
    }

    /**
     * @param missing how loudly to say that there is no container: a server application without one
     *                is likely misconfigured (WARNING where nothing else can have registered tracing,
     *                INFO where the application may still register a {@code JaxRsTelemetry} itself);
     *                clients are built anywhere, also outside applications (FINE)
     * @return the telemetry of the application whose CDI container is current; null when there is no
     *         container with otel-cdi's extension, or telemetry is off
     */
    public static JaxRsTelemetry current(Level missing) {
        TelemetryRuntime runtime = lookupRuntime(missing);
        return runtime == null ? null : of(runtime);
    }

    /**
     * @param cdi the current container
     * @return whether telemetry is on for its application; false where otel-cdi's extension is not in it
     */
    public static boolean telemetryOn(CDI<Object> cdi) {
        return cdi.getBeanManager().getExtension(OtelCdiExtension.class).telemetryOn();
    }

    /**
     * @param runtime the application's telemetry runtime, telemetry on
     * @return its telemetry, built once
     */
    public static JaxRsTelemetry of(TelemetryRuntime runtime) {
        return runtime.shared(JaxRsTelemetry.class, () -> build(runtime));
    }

    private static JaxRsTelemetry build(TelemetryRuntime runtime) {
        JaxRsTelemetryBuilder builder = JaxRsTelemetry.builder(runtime.openTelemetry()).setSettings(runtime.settings());
        for (HookBean<ServerRequestHook> hook : runtime.hooks(ServerRequestHook.class)) {
            builder.addServerRequestHook(new NamedHook(hook.beanClass(), hook.reference()));
        }
        for (HookBean<ServerResponseHook> hook : runtime.hooks(ServerResponseHook.class)) {
            builder.addServerResponseHook(new NamedHook(hook.beanClass(), hook.reference()));
        }
        for (HookBean<ClientRequestHook> hook : runtime.hooks(ClientRequestHook.class)) {
            builder.addClientRequestHook(new NamedHook(hook.beanClass(), hook.reference()));
        }
        for (HookBean<ClientResponseHook> hook : runtime.hooks(ClientResponseHook.class)) {
            builder.addClientResponseHook(new NamedHook(hook.beanClass(), hook.reference()));
        }
        return builder.build();
    }

    /** @return the runtime, or null when there is no container with otel-cdi's extension, or telemetry is off */
    private static TelemetryRuntime lookupRuntime(Level missing) {
        try {
            CDI<Object> cdi = CDI.current();
            return telemetryOn(cdi) ? cdi.select(TelemetryRuntime.class).get() : null;
        } catch (RuntimeException | LinkageError e) {
            if (missing.intValue() > Level.FINE.intValue()) {
                LOG.log(missing, "otel-cdi found no CDI container for this JAX-RS application: unless the application "
                        + "registers JaxRsTelemetry's server feature itself, its requests are not traced. otel-cdi's "
                        + "automatic set-up needs CDI (Weld, or a Jakarta EE server) with its extension loaded.", e);
            } else {
                LOG.log(missing, "otel-cdi: no CDI container for this JAX-RS client, so its calls are not traced", e);
            }
            return null;
        }
    }
}
