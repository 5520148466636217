package io.github.otelcdi.it;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * The test exporter, plugged in exactly as a user plugs in an exporter: through the autoconfigure
 * SPI, selected with {@code otel.traces.exporter=inmemory}.
 */
public final class InMemorySpanExporterProvider implements ConfigurableSpanExporterProvider {

    public static final String NAME = "inmemory";

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        ClassLoader loader = getClass().getClassLoader();
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                spans.forEach(span -> CapturedSpans.add(span, loader));
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    @Override
    public String getName() {
        return NAME;
    }
}
