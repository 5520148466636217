package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedMetrics;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** HTTP server and client metrics: routes, errors, async durations, the experimental ones, JVM metrics. */
@BehaviourTest
class HttpMetricsTest {

    private static final String ROOT = "/metered";
    private static final String DURATION = "http.server.request.duration";
    private static final String CHAIN = "metered-chain";

    @ArquillianResource
    @OperateOnDeployment("metered")
    private URL context;

    @ArquillianResource
    @OperateOnDeployment(CHAIN)
    private URL chain;

    @Deployment(name = "metered", testable = false)
    static WebArchive metered() {
        return Archives.edge("metered", Archives.TRACED_AND_METERED,
                "otel.instrumentation.http.server.emit-experimental-telemetry=true",
                "otel.instrumentation.runtime-telemetry.enabled=true");
    }

    @Deployment(name = CHAIN, testable = false)
    static WebArchive chain() {
        return Archives.chain(CHAIN, Archives.TRACED_AND_METERED);
    }

    private URI uri(String path) {
        return URI.create(context.toExternalForm()).resolve(path);
    }

    @Test
    void countAndRoutePerEndpointNeverARawPath() throws InterruptedException {
        // Cumulative points: other tests of this class count too, so count from what is there now,
        // once both routes are surely in the exports that arrive after the captured ones were dropped.
        Http.get(uri("edge/current"));
        Http.get(uri("edge/stage"));
        point(ROOT + "/edge/current", 1);
        point(ROOT + "/edge/stage", 1);
        Thread.sleep(300);
        long currentBefore = count(ROOT + "/edge/current");
        long stageBefore = count(ROOT + "/edge/stage");
        for (int i = 0; i < 3; i++) {
            Http.get(uri("edge/current?i=" + i));
        }
        Http.get(uri("edge/stage"));
        Http.get(uri("edge/stage"));
        HistogramPointData current = point(ROOT + "/edge/current", currentBefore + 3);
        Attributes attributes = current.getAttributes();
        assertEquals("GET", attributes.get(HttpAttributes.HTTP_REQUEST_METHOD));
        assertEquals(200L, attributes.get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("http", attributes.get(UrlAttributes.URL_SCHEME));
        assertEquals("1.1", attributes.get(NetworkAttributes.NETWORK_PROTOCOL_VERSION));
        assertNull(attributes.get(UrlAttributes.URL_PATH));
        assertNull(attributes.get(UrlAttributes.URL_QUERY));
        Thread.sleep(300);
        assertEquals(currentBefore + 3, count(ROOT + "/edge/current"));
        assertEquals(stageBefore + 2, count(ROOT + "/edge/stage"));
    }

    private static long count(String route) {
        return CapturedMetrics.histogram(DURATION).stream()
                .filter(p -> route.equals(p.getAttributes().get(HttpAttributes.HTTP_ROUTE)))
                .mapToLong(HistogramPointData::getCount).sum();
    }

    @Test
    void serverErrorPointCarriesTheErrorType() {
        Http.get(uri("edge/unmapped"));
        HistogramPointData failed = point(ROOT + "/edge/unmapped", 1);
        assertEquals(500L, failed.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE), failed.getAttributes().toString());
        assertEquals(IllegalStateException.class.getName(), failed.getAttributes().get(ErrorAttributes.ERROR_TYPE), failed.getAttributes().toString());
    }

    @Test
    void asyncDurationCoversTheWait() {
        Http.get(uri("edge/async?delay=200"));
        HistogramPointData async = point(ROOT + "/edge/async", 1);
        assertTrue(async.getMin() >= 0.2, "duration includes the async wait: " + async.getMin() + " s");
    }

    @Test
    void activeRequestsReturnToZeroAfterABurstOfFailingAndAsyncRequests() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            String[] paths = {"edge/async?delay=50", "edge/async-error", "edge/async-cancel", "edge/unmapped", "edge/stage?delay=30", "edge/mapped-502"};
            for (int i = 0; i < 120; i++) {
                String path = paths[i % paths.length];
                calls.add(clients.submit(() -> Http.get(uri(path))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            clients.shutdownNow();
        }
        point(ROOT + "/edge/async", 20);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<LongPointData> active = List.of();
        while (System.nanoTime() < deadline) {
            active = CapturedMetrics.longSum("http.server.active_requests");
            if (!active.isEmpty() && active.stream().allMatch(p -> p.getValue() == 0)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("active requests did not return to 0: " + active);
    }

    @Test
    void bodySizesAreTheBytesActuallyWritten() {
        // A streamed body has no Content-Length: only counting can size it.
        String body = Http.get(uri("edge/stream?chunks=3")).body();
        assertEquals("chunk 0\nchunk 1\nchunk 2\n", body);
        HistogramPointData response = CapturedMetrics.awaitPoint("http.server.response.body.size", 1,
                p -> (ROOT + "/edge/stream").equals(p.getAttributes().get(HttpAttributes.HTTP_ROUTE)));
        assertEquals(body.length(), (long) response.getSum());
        Http.send("POST", uri("edge/json"), "{\"a\":1}", "Content-Type", "application/json");
        HistogramPointData request = CapturedMetrics.awaitPoint("http.server.request.body.size", 1,
                p -> (ROOT + "/edge/json").equals(p.getAttributes().get(HttpAttributes.HTTP_ROUTE)));
        assertEquals(7, (long) request.getSum());
    }

    @Test
    void jvmRuntimeMetricsWhenTheApplicationAsksForThem() {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!CapturedMetrics.exported("jvm.memory.used") && System.nanoTime() < deadline) {
            Http.get(uri("edge/current"));
        }
        assertTrue(CapturedMetrics.exported("jvm.memory.used"));
    }

    @Test
    void clientCallsAreMeasured() {
        assertEquals("back 1", Http.get(URI.create(chain.toExternalForm()).resolve("front/sync/1")).body());
        HistogramPointData client = CapturedMetrics.awaitPoint("http.client.request.duration", 1,
                p -> chain.getHost().equals(p.getAttributes().get(ServerAttributes.SERVER_ADDRESS)));
        assertEquals(200L, client.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("GET", client.getAttributes().get(HttpAttributes.HTTP_REQUEST_METHOD));
        assertFalse(client.getAttributes().asMap().containsKey(UrlAttributes.URL_FULL));
    }

    private static HistogramPointData point(String route, long count) {
        return CapturedMetrics.awaitPoint(DURATION, count, p -> route.equals(p.getAttributes().get(HttpAttributes.HTTP_ROUTE)));
    }
}
