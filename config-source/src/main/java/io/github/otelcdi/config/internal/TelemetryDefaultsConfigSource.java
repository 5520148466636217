package io.github.otelcdi.config.internal;

import java.util.Map;

/**
 * The MicroProfile Telemetry defaults, at the lowest ordinal: every other source overrides them,
 * and users find them in one place. Registered through {@code META-INF/services}.
 */
public final class TelemetryDefaultsConfigSource extends MapConfigSource {

    /** Lower than anything a user or server defines, so these are only ever fallbacks. */
    public static final int ORDINAL = Integer.MIN_VALUE;

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

    /** Called by MicroProfile Config's service loading. */
    public TelemetryDefaultsConfigSource() {
        super("otel-cdi MicroProfile Telemetry defaults", ORDINAL, DEFAULTS);
    }
}
