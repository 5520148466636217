package io.github.otelcdi.it.backends;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an OpenTelemetry Collector on 127.0.0.1: decodes the real OTLP protobuf messages
 * and keeps what arrived. It can be told to answer slowly or with errors, and be stopped and started
 * again on the same port, to play a backend in trouble.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** The two OTLP transports, named as {@code otel.exporter.otlp.protocol} names them. */
    public enum Protocol {
        HTTP_PROTOBUF("http/protobuf"),
        GRPC("grpc");

        private final String setting;

        Protocol(String setting) {
            this.setting = setting;
        }

        /** @return the value of {@code otel.exporter.otlp.protocol} */
        public String setting() {
            return setting;
        }
    }

    /** A span as it arrived, with the resource and scope it was sent under. */
    public record ReceivedSpan(Resource resource, InstrumentationScope scope, Span span) {
    }

    /** A log record as it arrived, with the resource and scope it was sent under. */
    public record ReceivedLog(Resource resource, InstrumentationScope scope, LogRecord log) {
    }

    /** A metric as it arrived, with the resource it was sent under. */
    public record ReceivedMetric(Resource resource, Metric metric) {
    }

    /** Told of everything as it arrives, on the receiver's threads. */
    public interface Listener {
        default void span(ReceivedSpan span) {
        }

        default void metric(ReceivedMetric metric) {
        }

        default void log(ReceivedLog log) {
        }
    }

    /** What the receiver does with the next export. */
    public record Behaviour(Duration delay, boolean failing) {
        static final Behaviour HEALTHY = new Behaviour(Duration.ZERO, false);
    }

    private final Protocol protocol;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();
    private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.HEALTHY;
    private int port;
    private AutoCloseable transport;

    private OtlpReceiver(Protocol protocol, int port) {
        this.protocol = protocol;
        this.port = port;
    }

    /**
     * @param protocol the transport to serve
     * @param port the port, 0 for a free one
     * @return the running receiver
     */
    public static OtlpReceiver start(Protocol protocol, int port) {
        OtlpReceiver receiver = new OtlpReceiver(protocol, port);
        receiver.restart();
        return receiver;
    }

    /** Serves again on the same port after {@link #stop()}. */
    public synchronized void restart() {
        if (transport != null) {
            return;
        }
        try {
            if (protocol == Protocol.GRPC) {
                OtlpGrpcTransport grpc = OtlpGrpcTransport.start(port, this);
                port = grpc.port();
                transport = grpc;
            } else {
                OtlpHttpTransport http = OtlpHttpTransport.start(port, this);
                port = http.port();
                transport = http;
            }
        } catch (Exception e) {
            throw new IllegalStateException("OTLP receiver could not start on port " + port, e);
        }
    }

    /** Closes the port: exporters see connections refused. */
    public synchronized void stop() {
        if (transport != null) {
            try {
                transport.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** @param next what the receiver does with the exports that follow */
    public void behave(Behaviour next) {
        behaviour = next;
    }

    /** Accepts exports at once again. */
    public void heal() {
        behaviour = Behaviour.HEALTHY;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** @return the endpoint for {@code otel.exporter.otlp.endpoint} */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<ReceivedMetric> metrics() {
        return List.copyOf(metrics);
    }

    public List<ReceivedLog> logs() {
        return List.copyOf(logs);
    }

    /** @param listener told of every span, metric and log record received from now on */
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /** Forgets everything received so far. */
    public void clear() {
        spans.clear();
        metrics.clear();
        logs.clear();
    }

    /**
     * @param attributes attributes as they arrived
     * @param key the key
     * @return the value as text (strings as they are, numbers and booleans printed), or null when absent
     */
    public static String attribute(List<KeyValue> attributes, String key) {
        for (KeyValue attribute : attributes) {
            if (attribute.getKey().equals(key)) {
                AnyValue value = attribute.getValue();
                return switch (value.getValueCase()) {
                    case STRING_VALUE -> value.getStringValue();
                    case INT_VALUE -> Long.toString(value.getIntValue());
                    case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                    case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                    default -> value.toString();
                };
            }
        }
        return null;
    }

    void received(ExportTraceServiceRequest request) {
        request.getResourceSpansList().forEach(resourceSpans -> resourceSpans.getScopeSpansList().forEach(
                scope -> scope.getSpansList().forEach(span -> {
                    ReceivedSpan received = new ReceivedSpan(resourceSpans.getResource(), scope.getScope(), span);
                    spans.add(received);
                    listeners.forEach(listener -> listener.span(received));
                })));
    }

    void received(ExportMetricsServiceRequest request) {
        request.getResourceMetricsList().forEach(resourceMetrics -> resourceMetrics.getScopeMetricsList().forEach(
                scope -> scope.getMetricsList().forEach(metric -> {
                    ReceivedMetric received = new ReceivedMetric(resourceMetrics.getResource(), metric);
                    metrics.add(received);
                    listeners.forEach(listener -> listener.metric(received));
                })));
    }

    void received(ExportLogsServiceRequest request) {
        request.getResourceLogsList().forEach(resourceLogs -> resourceLogs.getScopeLogsList().forEach(
                scope -> scope.getLogRecordsList().forEach(log -> {
                    ReceivedLog received = new ReceivedLog(resourceLogs.getResource(), scope.getScope(), log);
                    logs.add(received);
                    listeners.forEach(listener -> listener.log(received));
                })));
    }

    /** Sleeps as long as the current behaviour says; true when the export is to be refused. */
    boolean delayAndDecideFailure() {
        Behaviour now = behaviour;
        if (!now.delay().isZero()) {
            try {
                Thread.sleep(now.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return now.failing();
    }
}
