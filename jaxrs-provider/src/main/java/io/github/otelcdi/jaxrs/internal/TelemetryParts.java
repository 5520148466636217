package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.cdi.internal.HookBean;
import io.github.otelcdi.cdi.internal.logging.LogCorrelation;
import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.jaxrs.ClientRequestHook;
import io.github.otelcdi.jaxrs.ClientResponseHook;
import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.github.otelcdi.jaxrs.internal.client.ClientTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;

/**
 * What a {@code JaxRsTelemetry} was built from, for the features it hands out: one per application,
 * whether the CDI extension or the application's own code built it.
 */
public final class TelemetryParts {

    private final OpenTelemetry openTelemetry;
    private final InstrumentationSettings settings;
    private final List<HookBean<ServerRequestHook>> serverRequestHooks;
    private final List<HookBean<ServerResponseHook>> serverResponseHooks;
    private final List<HookBean<ClientRequestHook>> clientRequestHooks;
    private final List<HookBean<ClientResponseHook>> clientResponseHooks;
    private final boolean joinsAgent;
    private final LogCorrelation logCorrelation;
    private volatile ClientTelemetry clientTelemetry;

    /**
     * @param openTelemetry where the telemetry goes
     * @param settings the validated settings
     * @param serverRequestHooks server request hooks, in the order they run
     * @param serverResponseHooks server response hooks, in the order they run
     * @param clientRequestHooks client request hooks, in the order they run
     * @param clientResponseHooks client response hooks, in the order they run
     * @param joinsAgent whether the OpenTelemetry Java agent's pipeline is the one recorded into
     */
    public TelemetryParts(OpenTelemetry openTelemetry, InstrumentationSettings settings,
            List<HookBean<ServerRequestHook>> serverRequestHooks, List<HookBean<ServerResponseHook>> serverResponseHooks,
            List<HookBean<ClientRequestHook>> clientRequestHooks, List<HookBean<ClientResponseHook>> clientResponseHooks,
            boolean joinsAgent) {
        this.openTelemetry = openTelemetry;
        this.settings = settings;
        this.serverRequestHooks = List.copyOf(serverRequestHooks);
        this.serverResponseHooks = List.copyOf(serverResponseHooks);
        this.clientRequestHooks = List.copyOf(clientRequestHooks);
        this.clientResponseHooks = List.copyOf(clientResponseHooks);
        this.joinsAgent = joinsAgent;
        this.logCorrelation = LogCorrelation.detect(settings.logCorrelation());
    }

    /** @return false for {@link OpenTelemetry#noop()}: nothing would be recorded, so nothing is registered */
    public boolean records() {
        return openTelemetry != OpenTelemetry.noop();
    }

    /** @return the settings */
    public InstrumentationSettings settings() {
        return settings;
    }

    /**
     * @param connections how to ask the JAX-RS application's container about a request's connection
     * @return the server telemetry of one JAX-RS application
     */
    public ServerTelemetry serverTelemetry(ConnectionLookup connections) {
        return new ServerTelemetry(openTelemetry, settings, connections, serverRequestHooks, serverResponseHooks,
                logCorrelation, joinsAgent);
    }

    /**
     * @return the telemetry every JAX-RS client built from these parts reports to, made on first use;
     *         null with the OpenTelemetry Java agent's pipeline, whose instrumentation of the connection
     *         underneath makes the one CLIENT span of each call
     */
    public ClientTelemetry clientTelemetry() {
        if (joinsAgent) {
            return null;
        }
        ClientTelemetry current = clientTelemetry;
        if (current == null) {
            synchronized (this) {
                current = clientTelemetry;
                if (current == null) {
                    current = new ClientTelemetry(openTelemetry, settings, clientRequestHooks, clientResponseHooks);
                    clientTelemetry = current;
                }
            }
        }
        return current;
    }
}
