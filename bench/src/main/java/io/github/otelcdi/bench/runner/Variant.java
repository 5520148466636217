package io.github.otelcdi.bench.runner;

import java.util.List;

/** One way of running the benchmarked application, each in its own JVM. */
enum Variant {
    UNTRACED("untraced", Stack.JERSEY, false, List.of()),
    UNTRACED_AGAIN("untraced (A/A)", Stack.JERSEY, false, List.of()),
    SDK_DISABLED("otel-cdi, SDK disabled", Stack.JERSEY, true, List.of("-Dotel.sdk.disabled=true")),
    TRACED("traced", Stack.JERSEY, true, Properties.TRACED),
    TRACED_METERED("traced + metrics", Stack.JERSEY, true, List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=bench-discard",
            "-Dotel.metrics.exporter=bench-discard", "-Dotel.logs.exporter=none")),
    EXCLUDED("traced, URL excluded", Stack.JERSEY, true, List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=bench-discard",
            "-Dotel.metrics.exporter=bench-discard", "-Dotel.logs.exporter=none",
            "-Dotel.instrumentation.http.server.excluded-urls=^/api/items/")),
    /** The untraced class path with the OpenTelemetry Java agent attached, exporting to the same discarding exporter. */
    AGENT("OpenTelemetry Java agent", Stack.JERSEY, false, Properties.AGENT),
    RESTEASY_UNTRACED("RESTEasy: untraced", Stack.RESTEASY, false, List.of()),
    /** What WildFly and Open Liberty users get by default: otel-cdi deployed, the SDK disabled. */
    RESTEASY_SDK_DISABLED("RESTEasy: otel-cdi, SDK disabled", Stack.RESTEASY, true, List.of("-Dotel.sdk.disabled=true")),
    RESTEASY_TRACED("RESTEasy: traced", Stack.RESTEASY, true, Properties.TRACED),
    RESTEASY_AGENT("RESTEasy: OpenTelemetry Java agent", Stack.RESTEASY, false, Properties.AGENT),
    /** Start-up only: what a user deploys, spans and metrics to an OTLP endpoint (nobody listens: the first export is after the measurement). */
    TRACED_OTLP("otel-cdi, SDK on, OTLP exporters", Stack.JERSEY, true, List.of("-Dotel.sdk.disabled=false",
            "-Dotel.traces.exporter=otlp", "-Dotel.metrics.exporter=otlp", "-Dotel.logs.exporter=none")),
    /** Start-up only: the agent with its default OTLP exporters. */
    AGENT_OTLP("OpenTelemetry Java agent, OTLP exporters", Stack.JERSEY, false, List.of("-Dotel.logs.exporter=none",
            "-Dotel.instrumentation.java-http-server.enabled=false"));

    /** The variants whose cost per request is measured. */
    static final List<Variant> PER_REQUEST = List.of(UNTRACED, UNTRACED_AGAIN, SDK_DISABLED, TRACED, TRACED_METERED, EXCLUDED, AGENT,
            RESTEASY_UNTRACED, RESTEASY_SDK_DISABLED, RESTEASY_TRACED, RESTEASY_AGENT);
    /** The variants whose start-up and memory are measured. */
    static final List<Variant> START_UP = List.of(UNTRACED, SDK_DISABLED, TRACED_OTLP, AGENT_OTLP);

    private final String label;
    private final Stack stack;
    private final boolean instrumented;
    private final List<String> properties;

    Variant(String label, Stack stack, boolean instrumented, List<String> properties) {
        this.label = label;
        this.stack = stack;
        this.instrumented = instrumented;
        this.properties = properties;
    }

    String label() {
        return label;
    }

    Stack stack() {
        return stack;
    }

    /** @return the untraced variant on the same stack, which this one's differences are taken against */
    Variant baseline() {
        return stack == Stack.RESTEASY ? RESTEASY_UNTRACED : UNTRACED;
    }

    /** @return the agent's variant on the same stack */
    Variant agentOnSameStack() {
        return stack == Stack.RESTEASY ? RESTEASY_AGENT : AGENT;
    }

    /** @return whether otel-cdi (and OpenTelemetry) are on the class path */
    boolean instrumented() {
        return instrumented;
    }

    List<String> properties() {
        return properties;
    }

    /** @return whether every request of the load should produce a span */
    boolean expectsSpans() {
        return this == TRACED || this == TRACED_METERED || this == RESTEASY_TRACED || agent();
    }

    /** @return whether the JVM runs with the OpenTelemetry Java agent */
    boolean agent() {
        return this == AGENT || this == AGENT_OTLP || this == RESTEASY_AGENT;
    }

    /** Settings two stacks share. */
    private static final class Properties {
        static final List<String> TRACED = List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=bench-discard",
                "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
        static final List<String> AGENT = List.of("-Dotel.traces.exporter=bench-discard", "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none", "-Dotel.instrumentation.java-http-server.enabled=false");
    }
}
