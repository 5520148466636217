package io.github.otelcdi.it.apps;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * An exporter provider that ships inside a deployed archive, selected with
 * {@code otel.traces.exporter=archive}: it sends over OTLP like the default, and marks each span with
 * {@value #ATTRIBUTE}, so the receiver can tell that the archive's own exporter sent it.
 */
public class ArchiveSpanExporterProvider implements ConfigurableSpanExporterProvider {

    /** The attribute the archive's exporter adds, with the value {@code archive}. */
    public static final String ATTRIBUTE = "test.exporter";

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        SpanExporter otlp = OtlpHttpSpanExporter.builder()
                .setEndpoint(config.getString("otel.exporter.otlp.endpoint") + "/v1/traces")
                .build();
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return otlp.export(spans.stream().<SpanData>map(Marked::new).toList());
            }

            @Override
            public CompletableResultCode flush() {
                return otlp.flush();
            }

            @Override
            public CompletableResultCode shutdown() {
                return otlp.shutdown();
            }
        };
    }

    @Override
    public String getName() {
        return "archive";
    }

    private static final class Marked extends DelegatingSpanData {
        private final Attributes attributes;

        Marked(SpanData span) {
            super(span);
            this.attributes = span.getAttributes().toBuilder().put(ATTRIBUTE, "archive").build();
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public int getTotalAttributeCount() {
            return attributes.size();
        }
    }
}
