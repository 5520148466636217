package io.github.otelcdi.config.internal;

import java.util.Map;

/**
 * The MicroProfile Telemetry defaults otel-cdi applies to what it hands the SDK, where the
 * application's configuration does not set the key; users find them in one place.
 *
 * <p>Applied in code, not contributed as a {@code ConfigSource}: a config source from the bundle
 * would become part of the application's configuration, which the server's own telemetry reads too
 * (Payara builds its SDK from it, and fails on a key defined by two sources).
 */
public final class TelemetryDefaults {

    private static final Map<String, String> DEFAULTS = Map.of(
            // MicroProfile Telemetry: an application only sends telemetry once someone opts in.
            "otel.sdk.disabled", "true",
            "otel.propagators", "tracecontext,baggage",
            "otel.traces.exporter", "otlp",
            "otel.metrics.exporter", "otlp",
            "otel.logs.exporter", "none",
            // The SDK's own default is grpc, which needs a gRPC sender; HTTP works with the JDK's client.
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.traces.sampler", "parentbased_always_on");

    private TelemetryDefaults() {
    }

    /** @return the defaults, keyed as autoconfigure reads them */
    public static Map<String, String> values() {
        return DEFAULTS;
    }
}
