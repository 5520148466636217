package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Runs every exporter of the application with the application's class loader as the thread's
 * context class loader. The SDK's own threads have none, and an exporter that is a CDI bean of the
 * application (the MicroProfile Telemetry TCKs' are) finds its container through it on some servers
 * (Payara): without it, each export fails.
 */
public final class ApplicationLoaderExporters {

    private final ClassLoader application;

    /** @param application the application's class loader */
    public ApplicationLoaderExporters(ClassLoader application) {
        this.application = application;
    }

    /**
     * @param builder the SDK being built; gets the exporter customizers
     * @return the builder
     */
    public AutoConfiguredOpenTelemetrySdkBuilder installOn(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        return builder.addSpanExporterCustomizer((exporter, config) -> new Spans(exporter))
                .addMetricExporterCustomizer((exporter, config) -> new Metrics(exporter))
                .addLogRecordExporterCustomizer((exporter, config) -> new Logs(exporter));
    }

    /**
     * @param exporter an exporter, possibly wrapped here
     * @return the exporter the application configured, for naming it in reports
     */
    static SpanExporter unwrap(SpanExporter exporter) {
        return exporter instanceof Spans spans ? spans.delegate : exporter;
    }

    private <T> T withApplicationLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == application) {
            return call.get();
        }
        thread.setContextClassLoader(application);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private final class Spans implements SpanExporter {
        private final SpanExporter delegate;

        Spans(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return withApplicationLoader(() -> delegate.export(spans));
        }

        @Override
        public CompletableResultCode flush() {
            return withApplicationLoader(delegate::flush);
        }

        @Override
        public CompletableResultCode shutdown() {
            return withApplicationLoader(delegate::shutdown);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private final class Metrics implements MetricExporter {
        private final MetricExporter delegate;

        Metrics(MetricExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return withApplicationLoader(() -> delegate.export(metrics));
        }

        @Override
        public CompletableResultCode flush() {
            return withApplicationLoader(delegate::flush);
        }

        @Override
        public CompletableResultCode shutdown() {
            return withApplicationLoader(delegate::shutdown);
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return withApplicationLoader(() -> delegate.getAggregationTemporality(instrumentType));
        }

        @Override
        public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
            return withApplicationLoader(() -> delegate.getDefaultAggregation(instrumentType));
        }

        @Override
        public MemoryMode getMemoryMode() {
            return withApplicationLoader(delegate::getMemoryMode);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private final class Logs implements LogRecordExporter {
        private final LogRecordExporter delegate;

        Logs(LogRecordExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<LogRecordData> logs) {
            return withApplicationLoader(() -> delegate.export(logs));
        }

        @Override
        public CompletableResultCode flush() {
            return withApplicationLoader(delegate::flush);
        }

        @Override
        public CompletableResultCode shutdown() {
            return withApplicationLoader(delegate::shutdown);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
