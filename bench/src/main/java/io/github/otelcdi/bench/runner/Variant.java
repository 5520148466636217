package io.github.otelcdi.bench.runner;

import java.util.List;

/** One way of running the benchmarked application, each in its own JVM. */
enum Variant {
    UNTRACED("untraced", false, List.of()),
    UNTRACED_AGAIN("untraced (A/A)", false, List.of()),
    SDK_DISABLED("otel-cdi, SDK disabled", true, List.of("-Dotel.sdk.disabled=true")),
    TRACED("traced", true, List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=bench-discard",
            "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none")),
    TRACED_METERED("traced + metrics", true, List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=bench-discard",
            "-Dotel.metrics.exporter=bench-discard", "-Dotel.logs.exporter=none")),
    EXCLUDED("traced, URL excluded", true, List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=bench-discard",
            "-Dotel.metrics.exporter=bench-discard", "-Dotel.logs.exporter=none",
            "-Dotel.instrumentation.http.server.excluded-urls=^/api/items/")),
    /** The untraced class path with the OpenTelemetry Java agent attached, exporting to the same discarding exporter. */
    AGENT("OpenTelemetry Java agent", false, List.of("-Dotel.traces.exporter=bench-discard", "-Dotel.metrics.exporter=none",
            "-Dotel.logs.exporter=none", "-Dotel.instrumentation.java-http-server.enabled=false")),
    /** Start-up only: what a user deploys, spans and metrics to an OTLP endpoint (nobody listens: the first export is after the measurement). */
    TRACED_OTLP("otel-cdi, SDK on, OTLP exporters", true, List.of("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=otlp",
            "-Dotel.metrics.exporter=otlp", "-Dotel.logs.exporter=none")),
    /** Start-up only: the agent with its default OTLP exporters. */
    AGENT_OTLP("OpenTelemetry Java agent, OTLP exporters", false, List.of("-Dotel.logs.exporter=none",
            "-Dotel.instrumentation.java-http-server.enabled=false"));

    /** The variants whose cost per request is measured. */
    static final List<Variant> PER_REQUEST = List.of(UNTRACED, UNTRACED_AGAIN, SDK_DISABLED, TRACED, TRACED_METERED, EXCLUDED, AGENT);
    /** The variants whose start-up and memory are measured. */
    static final List<Variant> START_UP = List.of(UNTRACED, SDK_DISABLED, TRACED_OTLP, AGENT_OTLP);

    private final String label;
    private final boolean instrumented;
    private final List<String> properties;

    Variant(String label, boolean instrumented, List<String> properties) {
        this.label = label;
        this.instrumented = instrumented;
        this.properties = properties;
    }

    String label() {
        return label;
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
        return this == TRACED || this == TRACED_METERED || this == AGENT;
    }

    /** @return whether the JVM runs with the OpenTelemetry Java agent */
    boolean agent() {
        return this == AGENT || this == AGENT_OTLP;
    }
}
