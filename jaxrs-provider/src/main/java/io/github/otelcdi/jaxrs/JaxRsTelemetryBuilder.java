package io.github.otelcdi.jaxrs;

import io.github.otelcdi.cdi.internal.AgentPipeline;
import io.github.otelcdi.cdi.internal.HookBean;
import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.jaxrs.internal.NamedHook;
import io.github.otelcdi.jaxrs.internal.TelemetryParts;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link JaxRsTelemetry}. Hooks run in the order they are added; each is isolated: one that
 * throws is logged once and the request goes on as if it had returned.
 */
public final class JaxRsTelemetryBuilder {

    private final OpenTelemetry openTelemetry;
    private InstrumentationSettings settings = InstrumentationSettings.defaults();
    private final List<HookBean<ServerRequestHook>> serverRequestHooks = new ArrayList<>();
    private final List<HookBean<ServerResponseHook>> serverResponseHooks = new ArrayList<>();
    private final List<HookBean<ClientRequestHook>> clientRequestHooks = new ArrayList<>();
    private final List<HookBean<ClientResponseHook>> clientResponseHooks = new ArrayList<>();

    JaxRsTelemetryBuilder(OpenTelemetry openTelemetry) {
        this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * @param settings captured headers, excluded URLs, known methods and the rest, e.g.
     *                 {@link InstrumentationSettings#read} of the application's MicroProfile Config or
     *                 {@link InstrumentationSettings#fromProperties} of a map; the defaults when not set
     * @return this builder
     */
    public JaxRsTelemetryBuilder setSettings(InstrumentationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * @param hook called when a SERVER span has started (not for excluded URLs)
     * @return this builder
     */
    public JaxRsTelemetryBuilder addServerRequestHook(ServerRequestHook hook) {
        serverRequestHooks.add(named(hook));
        return this;
    }

    /**
     * @param hook called when the response of a traced request is known, before its SERVER span ends
     * @return this builder
     */
    public JaxRsTelemetryBuilder addServerResponseHook(ServerResponseHook hook) {
        serverResponseHooks.add(named(hook));
        return this;
    }

    /**
     * @param hook called when a CLIENT span has started, before the request is sent
     * @return this builder
     */
    public JaxRsTelemetryBuilder addClientRequestHook(ClientRequestHook hook) {
        clientRequestHooks.add(named(hook));
        return this;
    }

    /**
     * @param hook called when the response of a traced call is known, before its CLIENT span ends
     * @return this builder
     */
    public JaxRsTelemetryBuilder addClientResponseHook(ClientResponseHook hook) {
        clientResponseHooks.add(named(hook));
        return this;
    }

    /**
     * With the OpenTelemetry Java agent attached (and its API bridge on), the agent's SERVER and
     * CLIENT spans are the ones recorded, whatever {@code OpenTelemetry} was given: otel-cdi names the
     * SERVER spans by their route and runs the server hooks on them; the client hooks do not run.
     *
     * @return the telemetry, ready to register
     */
    public JaxRsTelemetry build() {
        return new JaxRsTelemetry(new TelemetryParts(openTelemetry, settings, serverRequestHooks, serverResponseHooks,
                clientRequestHooks, clientResponseHooks, AgentPipeline.apiBridged()));
    }

    /** The hook's own class, for the log: a container's proxy class is named after it, with a marker appended. */
    private static <T> HookBean<T> named(T hook) {
        Objects.requireNonNull(hook, "hook");
        if (hook instanceof NamedHook bean) {
            return new HookBean<>(bean.name(), hook);
        }
        Class<?> type = hook.getClass();
        while (type.getName().contains("$$") && type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            type = type.getSuperclass();
        }
        return new HookBean<>(type.getName(), hook);
    }
}
