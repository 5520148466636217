package io.github.otelcdi.bench.otel;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Exporters named {@code bench-discard}: they count and drop, so the benchmark measures producing,
 * batching and handing over telemetry, not serialising or sending it. Static on purpose: one
 * benchmarked application per JVM, and the probe reads the count without CDI.
 */
public final class DiscardingExporters {

    public static final String NAME = "bench-discard";
    private static final AtomicLong SPANS = new AtomicLong();

    private DiscardingExporters() {
    }

    /** @return the number of spans exported so far, read by the probe */
    public static LongSupplier spanCounter() {
        return SPANS::get;
    }

    /** Selected with {@code otel.traces.exporter=bench-discard}. */
    public static final class Spans implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    SPANS.addAndGet(spans.size());
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

    /** Selected with {@code otel.metrics.exporter=bench-discard}. */
    public static final class Metrics implements ConfigurableMetricExporterProvider {
        @Override
        public MetricExporter createExporter(ConfigProperties config) {
            return new MetricExporter() {
                @Override
                public CompletableResultCode export(Collection<MetricData> metrics) {
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

                @Override
                public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
                    return AggregationTemporality.CUMULATIVE;
                }
            };
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
