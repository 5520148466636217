package io.github.otelcdi.it.apps.work;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-Sent Events, sent from a thread of the application's own after the resource method has
 * returned: a {@code start} event whose data is the span current in the method, then {@code tick}s,
 * then a {@code sender} event saying whether the sending thread had a span current.
 */
@Path("stream")
@RequestScoped
public class EventStreamResource {

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** {@code count} ticks, {@code pause} ms apart, then the sink is closed. */
    @GET
    @Path("ticks")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void ticks(@Context SseEventSink sink, @Context Sse sse, @QueryParam("count") int count, @QueryParam("pause") long pause) {
        String inMethod = Span.current().getSpanContext().getSpanId();
        sender(() -> {
            try (SseEventSink closing = sink) {
                closing.send(sse.newEventBuilder().name("start").data(inMethod).build());
                for (int i = 1; i <= count; i++) {
                    TimeUnit.MILLISECONDS.sleep(pause);
                    closing.send(sse.newEventBuilder().name("tick").id(Integer.toString(i)).data("tick " + i).build())
                            .toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
                // Sending never leaves a span current on the sending thread.
                closing.send(sse.newEventBuilder().name("sender").data(Span.current().getSpanContext().isValid() ? "a span" : "nothing").build());
            }
        });
    }

    /** {@code count} ticks sent, and the sink closed, before the method returns. */
    @GET
    @Path("inline")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void inline(@Context SseEventSink sink, @Context Sse sse, @QueryParam("count") int count) {
        try (SseEventSink closing = sink) {
            for (int i = 1; i <= count; i++) {
                closing.send(sse.newEventBuilder().name("tick").id(Integer.toString(i)).data("tick " + i).build());
            }
        }
    }

    /** {@code count} ticks, {@code pause} ms apart, through a broadcaster, which then closes the sink. */
    @GET
    @Path("broadcast")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void broadcast(@Context SseEventSink sink, @Context Sse sse, @QueryParam("count") int count, @QueryParam("pause") long pause) {
        SseBroadcaster broadcaster = sse.newBroadcaster();
        broadcaster.register(sink);
        sender(() -> {
            for (int i = 1; i <= count; i++) {
                TimeUnit.MILLISECONDS.sleep(pause);
                broadcaster.broadcast(sse.newEventBuilder().name("tick").id(Integer.toString(i)).data("tick " + i).build())
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            broadcaster.close();
        });
    }

    /** Fails before it sends anything. */
    @GET
    @Path("failing")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void failing(@Context SseEventSink sink) {
        throw new IllegalStateException("no events today");
    }

    /** Ticks every 50 ms until a send fails (the client went away), for at most 30 s. */
    @GET
    @Path("endless")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void endless(@Context SseEventSink sink, @Context Sse sse) {
        sender(() -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int i = 1; System.nanoTime() < until && !sink.isClosed(); i++) {
                try {
                    sink.send(sse.newEventBuilder().name("tick").id(Integer.toString(i)).data("tick " + i).build())
                            .toCompletableFuture().get(10, TimeUnit.SECONDS);
                } catch (Exception gone) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            sink.close();
        });
    }

    private interface Sending {
        void run() throws Exception;
    }

    private static void sender(Sending sending) {
        Thread thread = new Thread(() -> {
            try {
                sending.run();
            } catch (Exception e) {
                // The stream's end is what the test looks at.
            }
        }, "sse-sender-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }
}
