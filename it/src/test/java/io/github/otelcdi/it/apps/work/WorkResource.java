package io.github.otelcdi.it.apps.work;

import io.github.otelcdi.concurrent.TraceThreadContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Hands work to other threads the platform's ways and answers what the task saw (see
 * {@link TaskProbe}); 404 where the runtime lacks the way asked for (no Jakarta Concurrency in Weld
 * SE, no MicroProfile Context Propagation on WildFly and Payara).
 */
@Path("work")
@RequestScoped
@ContextServiceDefinition(name = WorkResource.TRACED_CONTEXT, propagated = ContextServiceDefinition.ALL_REMAINING)
@ContextServiceDefinition(name = WorkResource.CLEARED_CONTEXT, cleared = TraceThreadContext.TYPE,
        propagated = ContextServiceDefinition.ALL_REMAINING)
@ManagedExecutorDefinition(name = WorkResource.TWO_THREADS, context = WorkResource.TRACED_CONTEXT, maxAsync = 2)
public class WorkResource {

    /** Every context type propagated, the trace context among them. */
    public static final String TRACED_CONTEXT = "java:app/concurrent/TracedContext";
    /** The trace context cleared, every other context type propagated. */
    public static final String CLEARED_CONTEXT = "java:app/concurrent/TraceCleared";
    /** Two threads, with {@link #TRACED_CONTEXT}. */
    public static final String TWO_THREADS = "java:app/concurrent/TwoThreads";

    private static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    private static final String DEFAULT_SCHEDULED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final long TIMEOUT_SECONDS = 20;

    @Inject
    Tracer tracer;

    @Inject
    Event<Job> jobs;

    @Inject
    AsyncWorker worker;

    @GET
    @Path("event")
    public String event() throws Exception {
        return jobs.fireAsync(new Job()).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).seen();
    }

    @GET
    @Path("default-executor")
    public String defaultExecutor() throws Exception {
        return onExecutor(DEFAULT_EXECUTOR, "default-executor-task");
    }

    @GET
    @Path("scheduled")
    public String scheduled() throws Exception {
        ManagedScheduledExecutorService executor = lookup(DEFAULT_SCHEDULED_EXECUTOR);
        return executor.schedule(() -> TaskProbe.run(tracer, "scheduled-task"), 10, TimeUnit.MILLISECONDS)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @GET
    @Path("two-threads")
    public String twoThreads() throws Exception {
        return onExecutor(TWO_THREADS, "two-threads-task");
    }

    /**
     * A task on the two-thread executor, an {@code @Asynchronous} method on it, and an asynchronous
     * event, one after the other: {@code <task>;<method>;<observer>}.
     */
    @GET
    @Path("all-hops")
    public String allHops() throws Exception {
        String task = onExecutor(TWO_THREADS, "two-threads-task");
        String method = worker.onTwoThreads().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return task + ";" + method + ";" + event();
    }

    @GET
    @Path("asynchronous")
    public String asynchronous() throws Exception {
        lookup(TWO_THREADS);
        return worker.onTwoThreads().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** @return the failure's message, once the asynchronous method's future failed */
    @GET
    @Path("asynchronous-failing")
    public String asynchronousFailing() throws Exception {
        lookup(TWO_THREADS);
        try {
            return "no failure: " + worker.failAsynchronously().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        }
    }

    /** A contextual proxy made here, run on a thread of the application's own. */
    @GET
    @Path("proxy")
    public String proxy() throws Exception {
        ContextService context = lookup(TRACED_CONTEXT);
        Callable<String> task = context.contextualCallable(() -> TaskProbe.run(tracer, "proxy-task"));
        ExecutorService own = Executors.newSingleThreadExecutor();
        try {
            return own.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            own.shutdownNow();
        }
    }

    /**
     * A proxy of a context service that clears the trace context, run right here:
     * {@code <what the task saw>;<span id current again after it>}.
     */
    @GET
    @Path("cleared")
    public String cleared() throws Exception {
        ContextService context = lookup(CLEARED_CONTEXT);
        String seen = context.contextualCallable(() -> TaskProbe.run(tracer, "cleared-task")).call();
        return seen + ";" + Span.current().getSpanContext().getSpanId();
    }

    @GET
    @Path("microprofile-executor")
    public String microProfileExecutor() throws Exception {
        try {
            return MicroProfileTasks.run(() -> TaskProbe.run(tracer, "microprofile-task"));
        } catch (IllegalStateException | LinkageError absent) {
            throw new NotFoundException("no MicroProfile Context Propagation here: " + absent);
        }
    }

    /** Answers once a {@code @WithSpan} stage failed {@code delay} ms later. */
    @GET
    @Path("stage-failing")
    public CompletionStage<String> stageFailing(@QueryParam("delay") long delay) {
        return worker.failLater(delay).handle((value, failure) -> failure == null ? "no failure" : "failed");
    }

    private String onExecutor(String name, String task) throws Exception {
        ManagedExecutorService executor = lookup(name);
        return executor.submit(() -> TaskProbe.run(tracer, task)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static <T> T lookup(String name) {
        try {
            return (T) InitialContext.doLookup(name);
        } catch (NamingException | RuntimeException absent) {
            throw new NotFoundException("no " + name + " here: " + absent);
        }
    }
}
