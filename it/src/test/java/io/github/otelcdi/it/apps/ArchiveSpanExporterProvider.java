package io.github.otelcdi.it.apps;

import io.github.otelcdi.it.RecordingSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * An exporter provider that ships inside a deployed archive, selected with
 * {@code otel.traces.exporter=archive}; its spans are tagged with the archive's class loader.
 */
public class ArchiveSpanExporterProvider implements ConfigurableSpanExporterProvider {

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new RecordingSpanExporter(getClass().getClassLoader());
    }

    @Override
    public String getName() {
        return "archive";
    }
}
