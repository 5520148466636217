package io.github.otelcdi.cdi.internal;

import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.config.SettingKeys;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether this application records into the OpenTelemetry Java agent's pipeline, decided once at
 * start-up and said in one log line.
 *
 * <p>The agent bridges the application's copy of the OpenTelemetry API: {@code GlobalOpenTelemetry}
 * returns the agent's, and the application's {@link Context} is backed by the agent's. A span of a
 * second SDK put into that context is dropped (only spans of the agent's own survive), so a SERVER
 * span that otel-cdi's SDK started would never be found again to be ended. Joining the agent's
 * pipeline is therefore the default: one SDK, one exporter configuration, and the agent's
 * instrumentation and otel-cdi's see each other's spans (the instrumentation API's span suppression
 * and route are bridged too).
 */
public final class AgentPipeline {

    private static final Logger LOG = Logger.getLogger(AgentPipeline.class.getName());
    /** Boot-delegated by the agent to every class loader, so found from any application. */
    private static final String AGENT_BOOTSTRAP_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";
    /** The agent's main class, on the system class path; its package carries the version. */
    private static final String AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";
    private static final String AGENT_PACKAGE = "io.opentelemetry.javaagent.";
    private static final String API_BRIDGE_SWITCH = "otel.instrumentation.opentelemetry-api.enabled";

    /** No agent: otel-cdi's own SDK as always. */
    static final AgentPipeline ABSENT = new AgentPipeline(false, false);

    private final boolean joined;
    private final boolean agentTracesWithSpan;

    private AgentPipeline(boolean joined, boolean agentTracesWithSpan) {
        this.joined = joined;
        this.agentTracesWithSpan = agentTracesWithSpan;
    }

    /**
     * @param settings the application's settings
     * @param application the application's name, for the log line
     * @return what otel-cdi does in this JVM
     */
    static AgentPipeline decide(InstrumentationSettings settings, String application) {
        String version = agentVersion();
        if (version == null) {
            return ABSENT;
        }
        boolean bridged = bridged();
        if (bridged && settings.joinsAgent()) {
            LOG.log(Level.INFO, "otel-cdi ({0}): the OpenTelemetry Java agent {1} is attached; otel-cdi builds no SDK and "
                    + "records into the agent''s pipeline (its exporters, resource and sampler; this application''s otel.* "
                    + "SDK settings are not used). Each request keeps the agent''s SERVER span, which otel-cdi names by its "
                    + "route and gives the hooks'' attributes and the captured headers. {2}={3} builds otel-cdi''s own SDK instead.",
                    new Object[] {application, version, SettingKeys.AGENT_PIPELINE, SettingKeys.AGENT_PIPELINE_OWN});
            return joining();
        }
        if (bridged) {
            LOG.log(Level.WARNING, "otel-cdi ({0}): {1}={2} is not followed: the OpenTelemetry Java agent {3} attached bridges "
                    + "this application''s OpenTelemetry API, and the spans of a second SDK would be lost. otel-cdi records "
                    + "into the agent''s pipeline. To run both pipelines, start the agent with -D{4}=false.",
                    new Object[] {application, SettingKeys.AGENT_PIPELINE, SettingKeys.AGENT_PIPELINE_OWN, version, API_BRIDGE_SWITCH});
            return joining();
        }
        LOG.log(Level.INFO, "otel-cdi ({0}): the OpenTelemetry Java agent {1} is attached with its API bridge off ({2}=false); "
                + "otel-cdi builds its own SDK as configured, so every request is traced twice, by the agent and by otel-cdi, "
                + "each in its own pipeline.", new Object[] {application, version, API_BRIDGE_SWITCH});
        return ABSENT;
    }

    /**
     * @return whether the OpenTelemetry Java agent is attached and bridges this application's
     *         OpenTelemetry API: then only the agent's spans live in the context, and otel-cdi
     *         enriches the agent's SERVER spans instead of starting its own
     */
    public static boolean apiBridged() {
        return agentVersion() != null && bridged();
    }

    private static boolean bridged() {
        return Context.root().getClass().getName().startsWith(AGENT_PACKAGE);
    }

    private static AgentPipeline joining() {
        return new AgentPipeline(true, AgentConfiguration.read().tracesWithSpan());
    }

    private static String agentVersion() {
        try {
            Class.forName(AGENT_BOOTSTRAP_CLASS, false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            String version = Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader()).getPackage().getImplementationVersion();
            return version != null ? version : "(version unknown)";
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return "(version unknown)";
        }
    }

    /** @return whether otel-cdi records into the agent's pipeline instead of building an SDK */
    public boolean joined() {
        return joined;
    }

    /**
     * @return whether the agent's own annotation instrumentation traces {@code @WithSpan} methods
     *         (woven into the method, so it sees every call): otel-cdi's interceptor then stays out,
     *         or each call would have two spans
     */
    public boolean agentTracesWithSpan() {
        return agentTracesWithSpan;
    }

    /** @return the agent's {@code OpenTelemetry}, as the application's API sees it */
    OpenTelemetry openTelemetry() {
        return GlobalOpenTelemetry.get();
    }
}
