package io.github.otelcdi.it.apps.logs;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.glassfish.jersey.server.ManagedAsync;
import org.slf4j.MDC;

/**
 * Writes a log line and answers what the logging frameworks' context maps held while it ran:
 * {@code <MDC trace_id>,<MDC span_id>,<ThreadContext trace_id>,<thread>,<current span id>}.
 */
@Path("logs")
public class LogsResource {

    public static final String LOGGER = LogsResource.class.getName();
    private static final ContextKey<String> OWN_KEY = ContextKey.named("logs-resource");
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Inject
    FormattedLines formatted;

    @GET
    @Path("{label}")
    public String line(@PathParam("label") String label) {
        LOG.log(Level.INFO, "served {0}", label);
        return seen();
    }

    @GET
    @Path("failing/{label}")
    public String failing(@PathParam("label") String label) {
        LOG.log(Level.SEVERE, "failed " + label, new IllegalStateException("stock exhausted"));
        return seen();
    }

    /** Answers from another thread; the request thread goes back to the pool at once. */
    @GET
    @Path("async/{label}")
    public void async(@PathParam("label") String label, @Suspended AsyncResponse response) {
        LOG.log(Level.INFO, "suspended {0}", label);
        String onRequestThread = seen();
        CompletableFuture.runAsync(() -> response.resume(onRequestThread));
    }

    /**
     * Jersey runs it on a thread of its own executor, and the request thread goes back to its pool
     * before it runs. Elsewhere the annotation is unknown (Jersey's jar is not there) and the method
     * runs on the request thread. It answers from within a scope of its own, as a method traced with
     * {@code @WithSpan} would: the exchange is then over before the method returns.
     */
    @GET
    @Path("managed/{label}")
    @ManagedAsync
    public void managed(@PathParam("label") String label, @Suspended AsyncResponse response) {
        LOG.log(Level.INFO, "managed {0}", label);
        try (Scope own = Context.current().with(OWN_KEY, label).makeCurrent()) {
            response.resume(seen());
        }
    }

    /** Answers from within a scope of its own, on the request thread, before it returns. */
    @GET
    @Path("inline/{label}")
    public void inline(@PathParam("label") String label, @Suspended AsyncResponse response) {
        try (Scope own = Context.current().with(OWN_KEY, label).makeCurrent()) {
            response.resume(seen());
        }
    }

    /** The same at an excluded URL: what the executor's threads show once traced methods ran there. */
    @GET
    @Path("excluded/managed/{label}")
    @ManagedAsync
    public void excludedManaged(@PathParam("label") String label, @Suspended AsyncResponse response) {
        response.resume(seen());
    }

    @GET
    @Path("excluded/{label}")
    public String excluded(@PathParam("label") String label) {
        LOG.log(Level.INFO, "excluded {0}", label);
        return seen();
    }

    /** @return the lines the trace-context formatter wrote since the last call, one per line */
    @GET
    @Path("formatted")
    @Produces("text/plain")
    public String formatted() {
        return String.join("", formatted.take());
    }

    static String seen() {
        return MDC.get("trace_id") + "," + MDC.get("span_id") + "," + ThreadContext.get("trace_id") + ","
                + Thread.currentThread().getName() + "," + Span.current().getSpanContext().getSpanId();
    }
}
