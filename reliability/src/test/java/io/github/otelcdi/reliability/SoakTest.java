package io.github.otelcdi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.VirtualThreads;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 100,000 requests (system property {@code reliability.soak.requests}) from 32 client threads of the
 * {@link MixedLoad} (sync, AsyncResponse, CompletionStage, streaming, 500, 404, excluded; half with a
 * caller's {@code traceparent}): each traced request has exactly one ended SERVER span with the right
 * parent, no request sees another's context, and the heap after a full GC is back to where it was
 * after the warm-up. On the Java 25 lane the requests run on virtual threads, and the test checks
 * that they did.
 */
class SoakTest {

    private static final int REQUESTS = Integer.getInteger("reliability.soak.requests", 100_000);
    private static final int WARM_UP = Math.min(10_000, REQUESTS / 10);
    private static final int CLIENT_THREADS = 32;
    private static final long HEAP_MARGIN = 8L * 1024 * 1024;

    @Test
    void everyTracedRequestHasExactlyOneRightSpanAndNothingLeaks() throws Exception {
        MixedLoad load = new MixedLoad("soak", CLIENT_THREADS, (index, request) -> { });
        Ledger ledger = Ledger.open("soak", load::problem);
        long traced = MixedLoad.traced(0, REQUESTS);
        long started = System.nanoTime();
        long heapBefore;
        long heapAfter;
        String requestThread;
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Deployments.app("soak", Deployments.traced("soak", "ledger"),
                MixedLoad.EXCLUDED + ",/api/soak/thread$", "otel.bsp.max.queue.size=50000", "otel.bsp.max.export.batch.size=2048"))) {
            load.send(app.applicationUri(), 0, WARM_UP);
            ledger.awaitServerSpans(MixedLoad.traced(0, WARM_UP), 3_000);
            heapBefore = Heap.settledBytes();
            load.send(app.applicationUri(), WARM_UP, REQUESTS);
            ledger.awaitServerSpans(traced, 5_000);
            heapAfter = Heap.settledBytes();
            requestThread = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.applicationUri().resolve("soak/thread")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Figures.print("soak", String.format("%,d requests (%,d traced, %,d excluded) from %d client threads in %.0f s (%,.0f req/s); "
                        + "%,d SERVER spans for %,d distinct requests; wrong spans %s; context leaks %d; wrong status %d; "
                        + "heap after full GC %s after warm-up, %s at the end (delta %s, margin %s); Java %d, requests served on %s",
                REQUESTS, traced, REQUESTS - traced, CLIENT_THREADS, seconds, REQUESTS / seconds, ledger.serverSpans(),
                ledger.distinctRequests(), ledger.problems(), load.leaks(), load.wrongStatus(), Heap.mb(heapBefore),
                Heap.mb(heapAfter), Heap.mb(heapAfter - heapBefore), Heap.mb(HEAP_MARGIN), Runtime.version().feature(), requestThread));

        assertEquals(List.of(), load.failures(), "responses");
        assertEquals(0, ledger.problemCount(), ledger.problems());
        assertEquals(traced, ledger.serverSpans(), "one SERVER span per traced request, no more");
        assertEquals(traced, ledger.distinctRequests(), "every traced request has its span");
        assertEquals(VirtualThreads.requested(), requestThread.startsWith("VirtualThread"),
                VirtualThreads.PROPERTY + "=" + VirtualThreads.requested() + ", requests served on " + requestThread);
        assertTrue(heapAfter - heapBefore < HEAP_MARGIN, "heap grew by " + Heap.mb(heapAfter - heapBefore));
    }
}
