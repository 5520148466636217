package io.github.otelcdi.it.export;

import io.github.otelcdi.it.backends.OtlpReceiver;

/** {@code microprofile-config.properties} lines that send an application's telemetry to a real backend. */
final class ExportSettings {

    private ExportSettings() {
    }

    /** Spans (and, if {@code metricsEveryMillis > 0}, metrics) over OTLP to {@code endpoint}. */
    static String otlp(String service, OtlpReceiver.Protocol protocol, String endpoint, long metricsEveryMillis) {
        return String.join("\n",
                "otel.sdk.disabled=false",
                "otel.service.name=" + service,
                "otel.traces.exporter=otlp",
                "otel.metrics.exporter=" + (metricsEveryMillis > 0 ? "otlp" : "none"),
                "otel.metric.export.interval=" + Math.max(metricsEveryMillis, 1),
                "otel.logs.exporter=none",
                "otel.exporter.otlp.protocol=" + protocol.setting(),
                "otel.exporter.otlp.endpoint=" + endpoint);
    }

    /** Spans to a Zipkin server. */
    static String zipkin(String service, String spansEndpoint) {
        return String.join("\n",
                "otel.sdk.disabled=false",
                "otel.service.name=" + service,
                "otel.traces.exporter=zipkin",
                "otel.metrics.exporter=none",
                "otel.logs.exporter=none",
                "otel.exporter.zipkin.endpoint=" + spansEndpoint);
    }
}
