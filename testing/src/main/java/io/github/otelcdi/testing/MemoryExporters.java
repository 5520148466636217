package io.github.otelcdi.testing;

import io.github.otelcdi.testing.internal.ApplicationStores;
import io.github.otelcdi.testing.internal.DetachedSpans;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * The exporters named {@value #NAME} ({@code otel.traces.exporter=memory}, and likewise for metrics
 * and logs), found by the SDK's autoconfiguration through {@code META-INF/services}: each writes to
 * the {@link RecordedTelemetry#ofApplication(ClassLoader) store of the application} whose SDK is
 * being built. Nothing here is called directly.
 */
public final class MemoryExporters {

    /** The exporter name to configure. */
    public static final String NAME = "memory";

    private MemoryExporters() {
    }

    private static RecordedTelemetry opened() {
        return ApplicationStores.opened(Thread.currentThread().getContextClassLoader());
    }

    /** {@code otel.traces.exporter=memory}. */
    public static final class Spans implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            RecordedTelemetry store = opened();
            return CallbackSpanExporter.of(spans -> store.spanExporter().export(DetachedSpans.copy(spans)),
                    () -> ApplicationStores.closed(store));
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** {@code otel.metrics.exporter=memory}: delta points, so that what a test sees starts when the store was last cleared. */
    public static final class Metrics implements ConfigurableMetricExporterProvider {
        @Override
        public MetricExporter createExporter(ConfigProperties config) {
            RecordedTelemetry store = opened();
            return new MetricExporter() {
                @Override
                public CompletableResultCode export(Collection<MetricData> metrics) {
                    return store.metricExporter().export(metrics);
                }

                @Override
                public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
                    return AggregationTemporality.DELTA;
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    ApplicationStores.closed(store);
                    return CompletableResultCode.ofSuccess();
                }
            };
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** {@code otel.logs.exporter=memory}. */
    public static final class Logs implements ConfigurableLogRecordExporterProvider {
        @Override
        public LogRecordExporter createExporter(ConfigProperties config) {
            RecordedTelemetry store = opened();
            return new LogRecordExporter() {
                @Override
                public CompletableResultCode export(Collection<LogRecordData> logs) {
                    return store.logExporter().export(logs);
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    ApplicationStores.closed(store);
                    return CompletableResultCode.ofSuccess();
                }
            };
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
