package io.github.otelcdi.reliability.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One endpoint per kind of request the soak mixes; each answers whether its context was right. */
@Path("/soak")
@Produces("text/plain")
public class SoakResource {

    private static final byte[] CHUNK = new byte[2048];

    @Inject
    Workers workers;

    @Context
    HttpHeaders headers;

    /** @return the request thread, as the JDK describes it (a virtual one says so) */
    @GET
    @Path("thread")
    public String thread() {
        return Thread.currentThread().toString();
    }

    @GET
    @Path("sync/{id}")
    public String sync(@PathParam("id") long id) {
        return CurrentContextCheck.traced(headers);
    }

    @GET
    @Path("async/{id}")
    public void async(@PathParam("id") long id, @Suspended AsyncResponse response) {
        String check = CurrentContextCheck.traced(headers);
        workers.execute(() -> response.resume(check));
    }

    @GET
    @Path("stage/{id}")
    public CompletionStage<String> stage(@PathParam("id") long id) {
        String check = CurrentContextCheck.traced(headers);
        return CompletableFuture.supplyAsync(() -> check, workers::execute);
    }

    @GET
    @Path("stream/{id}")
    public StreamingOutput stream(@PathParam("id") long id) {
        String check = CurrentContextCheck.traced(headers);
        return output -> {
            output.write(check.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 4; i++) {
                output.write('\n');
                output.write(CHUNK);
                output.flush();
            }
        };
    }

    @GET
    @Path("fail/{id}")
    public String fail(@PathParam("id") long id) {
        // A WebApplicationException: Jersey on Grizzly logs a SEVERE stack trace of its own for every
        // unmapped exception (with or without otel-cdi), which would bury the suite's output.
        throw new InternalServerErrorException("soak failure " + id + " (" + CurrentContextCheck.traced(headers) + ")",
                new IllegalStateException("the resource failed"));
    }

    @GET
    @Path("health")
    public String health() {
        return CurrentContextCheck.excluded(headers);
    }
}
