package io.github.otelcdi.it.apps;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Every kind of request a real application sees: errors, aborts, async, streaming. */
@Path("/edge")
public class EdgeResource {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "edge-worker");
        thread.setDaemon(true);
        return thread;
    });

    /** @return the id of the span current while this method runs */
    @GET
    @Path("current")
    @Produces("text/plain")
    public String current() {
        return Span.current().getSpanContext().getSpanId();
    }

    @POST
    @Path("json")
    @Consumes("application/json")
    @Produces("application/json")
    public String json(String body) {
        return body;
    }

    @GET
    @Path("secure")
    public String secure() {
        return "never reached without credentials";
    }

    @GET
    @Path("mapped-404")
    public String mappedTo404() {
        throw new OrderMissingException("order 5 does not exist");
    }

    @GET
    @Path("mapped-502")
    public String mappedTo502() {
        throw new BackendDownException("inventory is down");
    }

    @GET
    @Path("unmapped")
    public String unmapped() {
        throw new IllegalStateException("nothing maps this");
    }

    @GET
    @Path("async")
    public void async(@Suspended AsyncResponse response, @QueryParam("delay") int delay) {
        String spanId = Span.current().getSpanContext().getSpanId();
        WORKERS.submit(() -> {
            pause(delay);
            response.resume(spanId);
        });
    }

    @GET
    @Path("async-error")
    public void asyncError(@Suspended AsyncResponse response) {
        WORKERS.submit(() -> response.resume(new IllegalStateException("async failure")));
    }

    @GET
    @Path("async-cancel")
    public void asyncCancel(@Suspended AsyncResponse response) {
        WORKERS.execute(() -> response.cancel());
    }

    @GET
    @Path("async-timeout")
    public void asyncTimeout(@Suspended AsyncResponse response) {
        response.setTimeout(50, TimeUnit.MILLISECONDS);
    }

    @GET
    @Path("stage")
    @Produces("text/plain")
    public CompletionStage<String> stage(@QueryParam("delay") int delay) {
        String spanId = Span.current().getSpanContext().getSpanId();
        return CompletableFuture.supplyAsync(() -> {
            pause(delay);
            return spanId;
        }, WORKERS);
    }

    @GET
    @Path("stream")
    @Produces("text/plain")
    public StreamingOutput stream(@QueryParam("chunks") int chunks, @QueryParam("pause") int pause,
            @QueryParam("padding") int padding) {
        return output -> {
            for (int i = 0; i < chunks; i++) {
                output.write(("chunk " + i + "\n").getBytes(StandardCharsets.UTF_8));
                // Large enough chunks outgrow the socket buffers, so a gone client fails the write.
                output.write(new byte[padding]);
                output.flush();
                pause(pause);
            }
        };
    }

    private static void pause(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
