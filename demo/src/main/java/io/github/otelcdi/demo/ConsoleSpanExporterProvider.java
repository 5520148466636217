package io.github.otelcdi.demo;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Plugs {@link ConsoleSpanExporter} in through the autoconfigure SPI, as any exporter is plugged in:
 * {@code otel.traces.exporter=demo-console} in the demo's {@code microprofile-config.properties}.
 */
public class ConsoleSpanExporterProvider implements ConfigurableSpanExporterProvider {

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new ConsoleSpanExporter(System.out);
    }

    @Override
    public String getName() {
        return "demo-console";
    }
}
