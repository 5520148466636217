package io.github.otelcdi.testing;

import io.github.otelcdi.testing.internal.ApplicationStores;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.assertj.TracesAssert;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The telemetry one application recorded: its finished spans, its exported metrics and its log
 * records, in memory.
 *
 * <p>Two ways to fill it. With the CDI extension (Weld SE, Arquillian, an application server) set
 * {@code otel.traces.exporter=memory} (and {@code otel.metrics.exporter=memory},
 * {@code otel.logs.exporter=memory} as wanted) in the application's configuration, and read
 * {@link #ofApplication()}: each application (class loader) has its own, and an application that
 * starts again starts with an empty one. Without CDI, pass {@link #openTelemetry()} to
 * {@code JaxRsTelemetry.builder}.
 *
 * <p>Spans end asynchronously (after the response is written; exported in batches): read them with
 * the {@code await} methods, which wait a bounded time.
 */
public final class RecordedTelemetry {

    /** How long the {@code await} methods wait unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricExporter metrics = InMemoryMetricExporter.create(AggregationTemporality.DELTA);
    private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    private volatile InMemoryMetricReader ownMetrics;
    private volatile OpenTelemetrySdk ownSdk;

    /** @return an empty store of its own, not tied to any application; fill it through {@link #openTelemetry()} */
    public static RecordedTelemetry create() {
        return new RecordedTelemetry();
    }

    /** @return the store of the application whose class loader is the thread's context class loader */
    public static RecordedTelemetry ofApplication() {
        return ofApplication(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Ask once the application has started ({@link OtelCdiTesting} asks at each use): before its SDK
     * is built there is no store of it yet, and an empty one of no application's is returned.
     *
     * @param applicationLoader the application's class loader
     * @return the store the {@code memory} exporters of that application's SDK write to
     */
    public static RecordedTelemetry ofApplication(ClassLoader applicationLoader) {
        return ApplicationStores.of(applicationLoader);
    }

    /**
     * An SDK that records into this store as soon as a span ends (no batching) and reads metrics on
     * demand, propagating W3C trace context and baggage; built on the first call, closed by {@link #close()}.
     *
     * @return the SDK, to hand to {@code JaxRsTelemetry.builder}
     */
    public synchronized OpenTelemetrySdk openTelemetry() {
        if (ownSdk == null) {
            ownMetrics = InMemoryMetricReader.createDelta();
            ownSdk = OpenTelemetrySdk.builder()
                    // As the CDI extension's default (otel.propagators=tracecontext,baggage).
                    .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
                            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
                    .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(ownMetrics).build())
                    .setLoggerProvider(SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
                    .build();
        }
        return ownSdk;
    }

    /** Shuts the SDK of {@link #openTelemetry()} down, if one was built; what was recorded stays readable. */
    public synchronized void close() {
        if (ownSdk != null) {
            ownSdk.close();
            ownSdk = null;
        }
    }

    /** @return the spans finished so far, in the order they ended */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /**
     * @param count how many spans to wait for
     * @return the spans finished so far, once there are at least {@code count}
     * @throws AssertionError when fewer finished within {@link #DEFAULT_WAIT}, naming those that did
     */
    public List<SpanData> awaitSpans(int count) {
        return awaitSpans(span -> true, count);
    }

    /**
     * @param matching which spans count
     * @param count how many matching spans to wait for
     * @return the matching spans, once there are at least {@code count}
     * @throws AssertionError when fewer finished within {@link #DEFAULT_WAIT}, naming those that did
     */
    public List<SpanData> awaitSpans(Predicate<SpanData> matching, int count) {
        return await(() -> spans().stream().filter(matching).toList(), count, DEFAULT_WAIT, "spans");
    }

    /**
     * Waits for {@code count} spans, then groups all finished spans by trace for
     * {@code opentelemetry-sdk-testing}'s assertions: {@code telemetry.assertTraces(2).hasTracesSatisfyingExactly(...)}.
     *
     * @param count how many spans to wait for first
     * @return the assertion on the traces, each with its spans parents first, in the order the traces began
     */
    public TracesAssert assertTraces(int count) {
        awaitSpans(count);
        return TracesAssert.assertThat(traces());
    }

    /** @return the finished spans by trace: traces in the order they began, each with its spans parents first */
    public List<List<SpanData>> traces() {
        Map<String, List<SpanData>> byTrace = new LinkedHashMap<>();
        spans().stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(span -> byTrace.computeIfAbsent(span.getTraceId(), id -> new ArrayList<>()).add(span));
        List<List<SpanData>> traces = new ArrayList<>();
        for (List<SpanData> trace : byTrace.values()) {
            traces.add(parentsFirst(trace));
        }
        return traces;
    }

    /**
     * @return the metrics exported since the store was last cleared (with {@link #openTelemetry()}:
     *         collected now), as delta points: each holds what was recorded since the one before
     */
    public synchronized List<MetricData> metrics() {
        InMemoryMetricReader reader = ownMetrics;
        if (reader != null) {
            metrics.export(reader.collectAllMetrics());
        }
        return metrics.getFinishedMetricItems();
    }

    /**
     * @param name the metric's name, e.g. {@code http.server.request.duration}
     * @return the metric's exported data, once some was exported
     * @throws AssertionError when none arrived within {@link #DEFAULT_WAIT}
     */
    public List<MetricData> awaitMetric(String name) {
        return await(() -> metrics().stream().filter(metric -> metric.getName().equals(name)).toList(), 1, DEFAULT_WAIT,
                "points of metric " + name);
    }

    /** @return the log records exported so far */
    public List<LogRecordData> logs() {
        return logs.getFinishedLogRecordItems();
    }

    /** Forgets everything recorded so far, e.g. between tests. */
    public synchronized void clear() {
        InMemoryMetricReader reader = ownMetrics;
        if (reader != null) {
            reader.collectAllMetrics();
        }
        spans.reset();
        metrics.reset();
        logs.reset();
    }

    InMemorySpanExporter spanExporter() {
        return spans;
    }

    InMemoryMetricExporter metricExporter() {
        return metrics;
    }

    InMemoryLogRecordExporter logExporter() {
        return logs;
    }

    private static <T> List<T> await(Supplier<List<T>> found, int count, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<T> current = found.get();
        while (current.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = found.get();
        }
        if (current.size() < count) {
            throw new AssertionError("expected at least " + count + " " + what + " within " + wait.toMillis() + " ms, got "
                    + current.size() + ": " + current);
        }
        return current;
    }

    private static List<SpanData> parentsFirst(List<SpanData> trace) {
        List<SpanData> ordered = new ArrayList<>();
        List<SpanData> left = new ArrayList<>(trace);
        Set<String> placed = new HashSet<>();
        Set<String> ids = new HashSet<>();
        trace.forEach(span -> ids.add(span.getSpanId()));
        while (!left.isEmpty()) {
            boolean moved = false;
            for (Iterator<SpanData> it = left.iterator(); it.hasNext(); ) {
                SpanData span = it.next();
                String parent = span.getParentSpanId();
                if (!SpanId.isValid(parent) || !ids.contains(parent) || placed.contains(parent)) {
                    ordered.add(span);
                    placed.add(span.getSpanId());
                    it.remove();
                    moved = true;
                }
            }
            if (!moved) {
                ordered.addAll(left);
                break;
            }
        }
        return ordered;
    }
}
