package io.github.otelcdi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.github.otelcdi.reliability.app.IndexHook;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 100,000 requests (system property {@code reliability.soak.requests}) from 32 client threads,
 * mixing sync, AsyncResponse, CompletionStage, streaming, failing (500), unmatched (404) and
 * excluded requests, every other one with a caller's {@code traceparent}: each traced request has
 * exactly one ended SERVER span with the right parent, no request sees another's context, and the
 * heap after a full GC is back to where it was after the warm-up.
 */
class SoakTest {

    private static final int REQUESTS = Integer.getInteger("reliability.soak.requests", 100_000);
    private static final int WARM_UP = Math.min(10_000, REQUESTS / 10);
    private static final int CLIENT_THREADS = 32;
    private static final long HEAP_MARGIN = 8L * 1024 * 1024;
    private static final String CONTEXT = "soak";

    private enum Kind {
        SYNC("soak/sync/", 200, true), ASYNC("soak/async/", 200, true), STAGE("soak/stage/", 200, true),
        STREAM("soak/stream/", 200, true), FAIL("soak/fail/", 500, false), MISSING("nowhere/", 404, false),
        EXCLUDED("soak/health", 200, true);

        final String path;
        final int status;
        final boolean answersCheck;

        Kind(String path, int status, boolean answersCheck) {
            this.path = path;
            this.status = status;
            this.answersCheck = answersCheck;
        }

        String route() {
            return this == MISSING ? null : "/" + CONTEXT + "/api/" + path + (this == EXCLUDED ? "" : "{id}");
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final long RUN = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong wrongStatus = new AtomicLong();
    private final AtomicLong leaks = new AtomicLong();
    private final List<String> firstFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static Kind kind(long index) {
        return KINDS[(int) (index % KINDS.length)];
    }

    private static boolean withParent(long index) {
        return index % 2 == 0;
    }

    private static String traceId(long index) {
        return String.format("%016x%016x", RUN, index + 1);
    }

    private static String parentId(long index) {
        return String.format("%016x", index + 1);
    }

    private static String problem(long index, SpanData span) {
        Kind kind = kind(index);
        if (kind == Kind.EXCLUDED) {
            return "an excluded request was traced";
        }
        String expectedName = kind == Kind.MISSING ? "GET" : "GET " + kind.route();
        if (!expectedName.equals(span.getName())) {
            return "named " + span.getName() + ", expected " + expectedName;
        }
        Long status = span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE);
        if (status == null || status != kind.status) {
            return "status " + status + ", expected " + kind.status;
        }
        if (withParent(index)) {
            boolean child = span.getTraceId().equals(traceId(index)) && span.getParentSpanId().equals(parentId(index))
                    && span.getParentSpanContext().isRemote();
            return child ? null : "not the child of the caller's span " + parentId(index);
        }
        return span.getParentSpanContext().isValid() ? "has a parent but the caller sent none" : null;
    }

    @Test
    void everyTracedRequestHasExactlyOneRightSpanAndNothingLeaks() throws Exception {
        Ledger ledger = Ledger.open(SoakTest::problem);
        long traced = 0;
        for (long i = 0; i < REQUESTS; i++) {
            traced += kind(i) == Kind.EXCLUDED ? 0 : 1;
        }
        long tracedInWarmUp = 0;
        for (long i = 0; i < WARM_UP; i++) {
            tracedInWarmUp += kind(i) == Kind.EXCLUDED ? 0 : 1;
        }
        long started = System.nanoTime();
        long heapBefore;
        long heapAfter;
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Deployments.app(CONTEXT, Deployments.traced("ledger"),
                "otel.instrumentation.http.server.excluded-urls=/api/soak/health$",
                "otel.bsp.max.queue.size=50000", "otel.bsp.max.export.batch.size=2048"))) {
            URI base = app.applicationUri();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
            try {
                send(clients, base, 0, WARM_UP);
                ledger.awaitServerSpans(tracedInWarmUp, 3_000);
                heapBefore = Heap.settledBytes();
                send(clients, base, WARM_UP, REQUESTS);
            } finally {
                clients.shutdownNow();
            }
            ledger.awaitServerSpans(traced, 5_000);
            heapAfter = Heap.settledBytes();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Figures.print("soak", String.format("%,d requests (%,d traced, %,d excluded) from %d client threads in %.0f s (%,.0f req/s); "
                        + "%,d SERVER spans for %,d distinct requests; wrong spans %s; context leaks %d; wrong status %d; "
                        + "heap after full GC %s after warm-up, %s at the end (delta %s, margin %s)",
                REQUESTS, traced, REQUESTS - traced, CLIENT_THREADS, seconds, REQUESTS / seconds, ledger.serverSpans(),
                ledger.distinctRequests(), ledger.problems(), leaks.get(), wrongStatus.get(), Heap.mb(heapBefore),
                Heap.mb(heapAfter), Heap.mb(heapAfter - heapBefore), Heap.mb(HEAP_MARGIN)));

        assertEquals(List.of(), firstFailures, "responses");
        assertEquals(0, ledger.problemCount(), ledger.problems());
        assertEquals(traced, ledger.serverSpans(), "one SERVER span per traced request, no more");
        assertEquals(traced, ledger.distinctRequests(), "every traced request has its span");
        assertTrue(heapAfter - heapBefore < HEAP_MARGIN, "heap grew by " + Heap.mb(heapAfter - heapBefore));
    }

    private void send(ExecutorService clients, URI base, int from, int to) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            workers.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    sendOne(base, i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }

    private void sendOne(URI base, long index) throws Exception {
        Kind kind = kind(index);
        URI uri = base.resolve(kind.path + (kind == Kind.EXCLUDED ? "" : String.valueOf(index)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header(IndexHook.HEADER, String.valueOf(index));
        if (withParent(index)) {
            request.header("traceparent", "00-" + traceId(index) + "-" + parentId(index) + "-01");
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != kind.status) {
            wrongStatus.incrementAndGet();
            failure("request " + index + " " + uri + ": status " + response.statusCode());
        } else if (kind.answersCheck && !response.body().startsWith("ok")) {
            leaks.incrementAndGet();
            failure("request " + index + " " + uri + ": " + response.body().lines().findFirst().orElse(""));
        }
    }

    private void failure(String description) {
        if (firstFailures.size() < 10) {
            firstFailures.add(description);
        }
    }
}
