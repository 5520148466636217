package io.github.otelcdi.it;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The test exporter, plugged in exactly as a user plugs in an exporter: through the autoconfigure
 * SPI, selected with {@code otel.traces.exporter=inmemory}.
 */
public final class InMemorySpanExporterProvider implements ConfigurableSpanExporterProvider {

    public static final String NAME = "inmemory";

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new RecordingSpanExporter(getClass().getClassLoader());
    }

    @Override
    public String getName() {
        return NAME;
    }
}
