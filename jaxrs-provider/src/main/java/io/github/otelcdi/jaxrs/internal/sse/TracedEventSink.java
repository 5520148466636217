package io.github.otelcdi.jaxrs.internal.sse;

import io.github.otelcdi.jaxrs.internal.EventStream;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The event sink a Server-Sent Events resource method is given in place of the runtime's: each
 * {@code send} becomes an event on the SERVER span (the event's name and id, never its data), and
 * the span ends when the application closes the sink or a send fails because the client went away.
 * Neither runtime offers a portable signal for either; the sink is the one object both pass through.
 */
public final class TracedEventSink implements SseEventSink {

    /** The span event recorded per event sent. */
    public static final String SENT = "sse.event.sent";
    /** The sent event's {@code event:} field, when it has one. */
    public static final AttributeKey<String> EVENT_NAME = AttributeKey.stringKey("sse.event.name");
    /** The sent event's {@code id:} field, when it has one. */
    public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("sse.event.id");

    private final SseEventSink sink;
    private final ServerExchange exchange;
    private final Span span;

    private TracedEventSink(SseEventSink sink, ServerExchange exchange) {
        this.sink = sink;
        this.exchange = exchange;
        this.span = Span.fromContext(exchange.context());
    }

    /**
     * @param arguments a resource method's arguments
     * @param exchange the request's exchange
     * @return a copy with traced sinks in place of the runtime's, or null when there is none to replace
     */
    public static Object[] replacing(Object[] arguments, ServerExchange exchange) {
        Object[] replaced = null;
        for (int i = 0; i < arguments.length; i++) {
            // A sink already traced is passed on by a resource method to another bean's.
            if (arguments[i] instanceof SseEventSink sink && !(sink instanceof TracedEventSink)) {
                if (replaced == null) {
                    replaced = arguments.clone();
                }
                replaced[i] = new TracedEventSink(sink, exchange);
            }
        }
        return replaced;
    }

    @Override
    public boolean isClosed() {
        boolean closed = sink.isClosed();
        if (closed) {
            // The runtime closed it (the client went away): an application that stops sending
            // when it sees that may never close it itself.
            ended(null);
        }
        return closed;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        record(event);
        CompletionStage<?> sent;
        try {
            sent = sink.send(event);
        } catch (RuntimeException e) {
            // Sending on a sink the runtime has closed; anything else leaves the stream going.
            endIfClosed();
            throw e;
        }
        if (sent != null) {
            sent.whenComplete((done, failure) -> {
                if (failure != null) {
                    failed(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                }
            });
        }
        return sent;
    }

    @Override
    public void close() {
        try {
            sink.close();
        } finally {
            ended(null);
        }
    }

    /** A failed write means the client is gone; other failures (a full buffer) leave the stream going unless the runtime closed it. */
    private void failed(Throwable failure) {
        if (failure instanceof IOException) {
            ended(failure);
        } else {
            endIfClosed();
        }
    }

    private void endIfClosed() {
        try {
            if (sink.isClosed()) {
                ended(null);
            }
        } catch (RuntimeException e) {
            exchange.report("asking an event sink whether it is closed", e);
        }
    }

    private void ended(Throwable failure) {
        EventStream stream = exchange.eventStream();
        if (stream != null) {
            stream.ended(failure);
        }
    }

    private void record(OutboundSseEvent event) {
        try {
            AttributesBuilder attributes = Attributes.builder();
            if (event.getName() != null) {
                attributes.put(EVENT_NAME, event.getName());
            }
            if (event.getId() != null) {
                attributes.put(EVENT_ID, event.getId());
            }
            span.addEvent(SENT, attributes.build());
        } catch (RuntimeException e) {
            exchange.report("recording a Server-Sent Event", e);
        }
    }
}
