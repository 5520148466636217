package io.github.otelcdi.servers;

import io.github.otelcdi.it.backends.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The spans the application inside the server exports, as the behaviour suite's OTLP/HTTP receiver
 * on 127.0.0.1 decodes them, flattened for the drop-in tests' assertions. The tests see spans only
 * this way, as an operator would.
 */
final class OtlpTraceReceiver {

    /** One received span, flattened. */
    record Received(String service, String scope, String traceId, String spanId, String parentSpanId, String name,
            Span.SpanKind kind, Map<String, String> attributes) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final long WAIT_NANOS = 30_000_000_000L;

    private final OtlpReceiver receiver;

    private OtlpTraceReceiver(OtlpReceiver receiver) {
        this.receiver = receiver;
    }

    static OtlpTraceReceiver start() {
        return start(0);
    }

    /** @param port the port to listen on, 0 for any free one */
    static OtlpTraceReceiver start(int port) {
        return new OtlpTraceReceiver(OtlpReceiver.start(OtlpReceiver.Protocol.HTTP_PROTOBUF, port));
    }

    /** @return the OTLP endpoint for {@code otel.exporter.otlp.endpoint} */
    String endpoint() {
        return receiver.endpoint();
    }

    void stop() {
        receiver.stop();
    }

    List<Received> spans() {
        return receiver.spans().stream().map(OtlpTraceReceiver::flattened).toList();
    }

    /** Waits up to 30 s until {@code count} spans match. */
    List<Received> await(int count, Predicate<Received> filter) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        List<Received> found = List.of();
        while (System.nanoTime() < deadline) {
            found = spans().stream().filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("expected " + count + " matching spans within 30 s, got " + found + "; all: " + spans());
    }

    void clear() {
        receiver.clear();
    }

    private static Received flattened(OtlpReceiver.ReceivedSpan received) {
        Span span = received.span();
        Map<String, String> attributes = new HashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), OtlpReceiver.attribute(span.getAttributesList(), attribute.getKey()));
        }
        return new Received(OtlpReceiver.attribute(received.resource().getAttributesList(), "service.name"), received.scope().getName(),
                HEX.formatHex(span.getTraceId().toByteArray()), HEX.formatHex(span.getSpanId().toByteArray()),
                HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(), attributes);
    }
}
