package io.github.otelcdi.config.internal;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MicroProfile Telemetry defaults, at the lowest ordinal: every other source overrides them,
 * and users find them in one place. Registered through {@code META-INF/services}.
 */
public final class TelemetryDefaultsConfigSource implements ConfigSource {

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

    @Override
    public Map<String, String> getProperties() {
        return DEFAULTS;
    }

    @Override
    public Set<String> getPropertyNames() {
        return DEFAULTS.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return DEFAULTS.get(propertyName);
    }

    @Override
    public String getName() {
        return "otel-cdi MicroProfile Telemetry defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
