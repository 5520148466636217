package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.UrlAttributes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * 10,000 requests from 32 client threads mixing sync, AsyncResponse, CompletionStage, streaming and
 * failing endpoints, half of them with a caller's traceparent: one SERVER span per request, each in
 * its own trace or the caller's, none left open, none parented to another request.
 */
@BehaviourTest
class ConcurrencyTest {

    private static final int REQUESTS = 10_000;
    private static final int CLIENT_THREADS = 32;
    private static final String[] PATHS = {"edge/current", "edge/async?delay=1", "edge/stage?delay=1",
        "edge/stream?chunks=2&pause=0", "edge/unmapped", "edge/mapped-404", "edge/nothing"};
    private static final Set<String> REPORTS_CURRENT_SPAN = Set.of("edge/current", "edge/async?delay=1", "edge/stage?delay=1");

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive load() {
        return Archives.edge("load", Archives.TRACED,
                "otel.bsp.max.queue.size=" + (REQUESTS * 2), "otel.bsp.max.export.batch.size=1024");
    }

    private record Sent(String path, String traceId, String parentId, String body) {
    }

    @Test
    void oneCorrectSpanPerRequestUnderLoad() throws Exception {
        List<Sent> sent = new ArrayList<>();
        URI app = URI.create(context.toExternalForm());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<Sent>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String path = PATHS[i % PATHS.length];
                boolean withParent = i % 2 == 0;
                futures.add(clients.submit(() -> send(app, path, withParent)));
            }
            for (Future<Sent> future : futures) {
                sent.add(future.get());
            }
        } finally {
            clients.shutdownNow();
        }
        try {
            CapturedSpans.await(REQUESTS, s -> s.getKind() == SpanKind.SERVER);
        } catch (AssertionError missing) {
            throw new AssertionError(missing.getMessage().substring(0, 80) + "...; sent per path " + perPath(sent.stream().map(Sent::path).toList())
                    + ", SERVER spans per path " + perPath(CapturedSpans.all().stream().filter(s -> s.getKind() == SpanKind.SERVER)
                            .map(s -> s.getAttributes().get(UrlAttributes.URL_PATH) + "?" + s.getAttributes().get(UrlAttributes.URL_QUERY)).toList()));
        }
        // Whatever would arrive twice arrives by now.
        Thread.sleep(1000);
        List<SpanData> spans = CapturedSpans.all().stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertEquals(REQUESTS, spans.size(), "exactly one SERVER span per request");

        Map<String, SpanData> bySpanId = new HashMap<>();
        Map<String, Integer> perTrace = new HashMap<>();
        for (SpanData span : spans) {
            assertTrue(span.hasEnded());
            bySpanId.put(span.getSpanId(), span);
            perTrace.merge(span.getTraceId(), 1, Integer::sum);
        }
        assertEquals(REQUESTS, bySpanId.size(), "span ids are unique");
        assertEquals(REQUESTS, perTrace.size(), "every request in a trace of its own (or its caller's)");

        Map<String, SpanData> byTrace = new HashMap<>();
        spans.forEach(s -> byTrace.put(s.getTraceId(), s));
        Set<String> reportedCurrent = new HashSet<>();
        for (Sent request : sent) {
            if (request.traceId() != null) {
                SpanData span = byTrace.get(request.traceId());
                assertTrue(span != null, "span continuing " + request.traceId());
                assertEquals(request.parentId(), span.getParentSpanId());
            }
            if (REPORTS_CURRENT_SPAN.contains(request.path())) {
                SpanData current = bySpanId.get(request.body());
                assertTrue(current != null, "the span current in " + request.path() + " is a SERVER span: " + request.body());
                assertTrue(reportedCurrent.add(request.body()), "no two requests saw the same current span");
                if (request.traceId() != null) {
                    assertEquals(request.traceId(), current.getTraceId(), "current span belongs to this request's trace");
                } else {
                    assertFalse(current.getParentSpanContext().isValid(), "no parent from another request");
                }
            }
        }
        for (SpanData span : spans) {
            if (!byTraceSentWithParent(sent).contains(span.getTraceId())) {
                assertFalse(span.getParentSpanContext().isValid(), "untraced callers start new traces: " + span);
            }
        }
    }

    private static Map<String, Long> perPath(List<String> paths) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        paths.forEach(path -> counts.merge(path.replaceAll("^.*/edge/", "edge/").replace("?null", ""), 1L, Long::sum));
        return counts;
    }

    private static Set<String> byTraceSentWithParent(List<Sent> sent) {
        Set<String> traces = ConcurrentHashMap.newKeySet();
        sent.stream().filter(s -> s.traceId() != null).forEach(s -> traces.add(s.traceId()));
        return traces;
    }

    private static Sent send(URI app, String path, boolean withParent) {
        String traceId = withParent ? hex(32) : null;
        String parentId = withParent ? hex(16) : null;
        HttpResponse<String> response = withParent
                ? Http.get(app.resolve(path), "traceparent", "00-" + traceId + "-" + parentId + "-01")
                : Http.get(app.resolve(path));
        return new Sent(path, traceId, parentId, response.body().trim());
    }

    private static String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (hex.length() < length) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.charAt(0) == '0' ? "a" + hex.substring(1) : hex.toString();
    }
}
