package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Lane;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ExceptionAttributes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Work a request hands to other threads the platform's ways stays in the request's trace: the
 * task's span is a child of the SERVER span, the task's log lines carry the trace id, and the
 * pool's threads keep nothing once the task is over. Each endpoint of {@code apps.work} answers
 * {@code <span id current in the task>,<MDC trace_id in the task>}.
 */
@BehaviourTest
class TraceFollowsWorkTest {

    private static final String NO_CONCURRENCY = "Weld SE has no Jakarta Concurrency (no managed executors, context services or @Asynchronous)";
    private static final int REQUESTS_ON_TWO_THREADS = 200;

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive work() {
        return Archives.work("work", Archives.TRACED, "otel.bsp.max.queue.size=4096", "otel.bsp.schedule.delay=50");
    }

    @Test
    void asyncEventObserversRunInTheFiringRequestsTrace() {
        assertTaskInRequestTrace("event", "observe-job");
    }

    @Test
    void tasksOnTheDefaultManagedExecutorRunInTheRequestsTrace() {
        Lane lane = Lane.current();
        lane.assume(lane.jakartaConcurrency(), NO_CONCURRENCY);
        lane.assume(lane != Lane.LIBERTY, "Open Liberty's default context service propagates only its own context types; "
                + "an application defines one that propagates all (see two-threads)");
        assertTaskInRequestTrace("default-executor", "default-executor-task");
        assertTaskInRequestTrace("scheduled", "scheduled-task");
    }

    @Test
    void asynchronousMethodsRunInTheCallersTrace() {
        Lane.current().assume(Lane.current().jakartaConcurrency(), NO_CONCURRENCY);
        assertTaskInRequestTrace("asynchronous", "asynchronous-task");
    }

    @Test
    void contextualProxiesRunInTheTraceTheyWereMadeIn() {
        Lane.current().assume(Lane.current().jakartaConcurrency(), NO_CONCURRENCY);
        assertTaskInRequestTrace("proxy", "proxy-task");
    }

    @Test
    void aContextServiceThatClearsTheTraceContextRunsTheTaskWithoutSpanAndPutsTheRequestsBack() {
        Lane.current().assume(Lane.current().jakartaConcurrency(), NO_CONCURRENCY);
        HttpResponse<String> response = Http.get(uri("cleared"));
        assertEquals(200, response.statusCode(), response.body());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, route("cleared"));
        SpanData task = CapturedSpans.one(SpanKind.INTERNAL, "cleared-task");
        assertEquals("none,-;" + server.getSpanId(), response.body());
        assertTrue(!task.getParentSpanContext().isValid() && !task.getTraceId().equals(server.getTraceId()),
                "the task's span starts a trace of its own: " + task);
    }

    @Test
    void microProfileManagedExecutorTasksRunInTheRequestsTrace() {
        Lane lane = Lane.current();
        lane.assume(lane.microProfileContextPropagation(), "the runtime has no MicroProfile Context Propagation");
        assertTaskInRequestTrace("microprofile-executor", "microprofile-task");
    }

    /**
     * Many requests, one after the other, each handing work to an application-defined executor of two
     * threads, to an {@code @Asynchronous} method on it and to an asynchronous observer: every task
     * sees its own request, never an earlier one.
     */
    @Test
    void twoHundredRequestsInTurnOnTwoThreadsEachTaskInItsOwnRequestsTrace() throws Exception {
        Lane.current().assume(Lane.current().jakartaConcurrency(), NO_CONCURRENCY);
        assertEachTaskInItsOwnRequestsTrace(1);
    }

    /** The same from 8 clients at once: tasks queue for the two threads, and none sees an earlier request. */
    @Test
    void twoHundredConcurrentRequestsOnTwoThreadsEachTaskInItsOwnRequestsTrace() throws Exception {
        Lane lane = Lane.current();
        lane.assume(lane.jakartaConcurrency(), NO_CONCURRENCY);
        lane.assume(lane != Lane.PAYARA, "Payara loads a context service's thread context providers anew, into one map the "
                + "service shares, on every submission (ContextSetupProviderImpl.saveContext): concurrent submissions race on "
                + "it and lose third-party context types, logging SEVERE \"Thread context provider 'OpenTelemetry' is not registered\"");
        assertEachTaskInItsOwnRequestsTrace(8);
    }

    private void assertEachTaskInItsOwnRequestsTrace(int clientThreads) throws Exception {
        List<String> bodies = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS_ON_TWO_THREADS; i++) {
                sent.add(clients.submit(() -> Http.get(uri("all-hops"))));
            }
            for (Future<HttpResponse<String>> response : sent) {
                assertEquals(200, response.get().statusCode(), response.get().body());
                bodies.add(response.get().body());
            }
        } finally {
            clients.shutdownNow();
        }
        Map<String, SpanData> servers = CapturedSpans.await(REQUESTS_ON_TWO_THREADS, s -> s.getKind() == SpanKind.SERVER).stream()
                .collect(Collectors.toMap(SpanData::getTraceId, Function.identity()));
        assertEquals(REQUESTS_ON_TWO_THREADS, servers.size(), "one trace per request");
        for (String task : List.of("two-threads-task", "asynchronous-task", "observe-job")) {
            for (SpanData span : CapturedSpans.await(REQUESTS_ON_TWO_THREADS, s -> s.getName().equals(task))) {
                SpanData server = servers.get(span.getTraceId());
                assertTrue(server != null && span.getParentSpanId().equals(server.getSpanId()), "task in its request's trace: " + span);
            }
        }
        for (String body : bodies) {
            for (String hop : body.split(";")) {
                String[] seen = hop.split(",");
                SpanData server = servers.get(seen[1]);
                assertTrue(server != null && server.getSpanId().equals(seen[0]),
                        "each task saw its own request's span, and its trace id in its log lines: " + body);
            }
        }
    }

    @Test
    void withSpanOnAnAsynchronousMethodThatFailsRecordsTheFailureInTheCallersTrace() {
        Lane.current().assume(Lane.current().jakartaConcurrency(), NO_CONCURRENCY);
        HttpResponse<String> response = Http.get(uri("asynchronous-failing"));
        assertEquals("asynchronous work failed", response.body());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, route("asynchronous-failing"));
        SpanData method = CapturedSpans.one(SpanKind.INTERNAL, "AsyncWorker.failAsynchronously");
        assertEquals(server.getSpanId(), method.getParentSpanId());
        assertFailed(method, "asynchronous work failed");
    }

    @Test
    void withSpanOnAStageThatFailsLaterEndsWhenItFails() {
        HttpResponse<String> response = Http.get(uri("stage-failing?delay=150"));
        assertEquals("failed", response.body());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, route("stage-failing"));
        SpanData method = CapturedSpans.one(SpanKind.INTERNAL, "AsyncWorker.failLater");
        assertEquals(server.getSpanId(), method.getParentSpanId());
        long millis = (method.getEndEpochNanos() - method.getStartEpochNanos()) / 1_000_000;
        assertTrue(millis >= 150, "the span lasts until the stage fails: " + millis + " ms");
        assertFailed(method, "stage failed");
    }

    private static void assertFailed(SpanData span, String message) {
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), span.toString());
        EventData exception = span.getEvents().stream().filter(e -> e.getName().equals("exception")).findFirst()
                .orElseThrow(() -> new AssertionError("an exception event: " + span));
        assertEquals(IllegalStateException.class.getName(), exception.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE));
        assertEquals(message, exception.getAttributes().get(ExceptionAttributes.EXCEPTION_MESSAGE));
    }

    private void assertTaskInRequestTrace(String path, String task) {
        HttpResponse<String> response = Http.get(uri(path));
        assertEquals(200, response.statusCode(), response.body());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, route(path));
        SpanData taskSpan = CapturedSpans.one(SpanKind.INTERNAL, task);
        assertEquals(server.getTraceId(), taskSpan.getTraceId(), "the task's span is in the request's trace");
        assertEquals(server.getSpanId(), taskSpan.getParentSpanId(), "the task's span is a child of the SERVER span");
        assertEquals(server.getSpanId() + "," + server.getTraceId(), response.body(),
                "the task saw the SERVER span current and the trace id in its log lines");
        CapturedSpans.clear();
    }

    private String route(String path) {
        return "GET " + context.getPath() + "work/" + path;
    }

    private URI uri(String path) {
        return URI.create(context.toExternalForm() + "work/" + path);
    }
}
