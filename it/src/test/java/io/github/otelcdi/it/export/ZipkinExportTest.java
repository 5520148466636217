package io.github.otelcdi.it.export;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.it.backends.ZipkinServer;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.traces.exporter=zipkin} against a real Zipkin server, read back through its query API:
 * names, kinds, parent links and service name as sent; everything queued at shutdown arrives.
 */
class ZipkinExportTest {

    private static final String TRACE = "5b8efff798038103d269b633813fc60c";
    private static final String CALLER = "eee19b7ec3c1b174";

    private static ZipkinServer zipkin;

    @BeforeAll
    static void startZipkin() throws Exception {
        zipkin = ZipkinServer.start();
    }

    @AfterAll
    static void stopZipkin() throws Exception {
        if (zipkin != null) {
            zipkin.close();
        }
    }

    @Test
    void aChainOfCallsArrivesAsSent() throws Exception {
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.chain("zchain",
                ExportSettings.zipkin("zipkin-chain", zipkin.spansEndpoint()), "otel.bsp.schedule.delay=50"))) {
            assertEquals("back 7", Http.get(app.contextUri().resolve("front/sync/7"),
                    "traceparent", "00-" + TRACE + "-" + CALLER + "-01").body());
            Waiting.until(() -> trace("zipkin-chain").map(JsonArray::size).orElse(0) >= 3, Duration.ofSeconds(30),
                    "3 spans of trace " + TRACE + " in Zipkin");
        }
        List<JsonObject> spans = trace("zipkin-chain").orElseThrow().getValuesAs(JsonObject.class);
        assertEquals(3, spans.size(), spans.toString());
        // Zipkin stores span names in lower case.
        JsonObject front = only(spans, "SERVER", "get /zchain/front/sync/{id}");
        JsonObject client = only(spans, "CLIENT", "get");
        JsonObject back = only(spans, "SERVER", "get /zchain/back/{id}");
        assertEquals(CALLER, front.getString("parentId"));
        assertEquals(front.getString("id"), client.getString("parentId"));
        assertEquals(client.getString("id"), back.getString("parentId"));
        for (JsonObject span : spans) {
            assertEquals(TRACE, span.getString("traceId"));
            assertEquals("zipkin-chain", span.getJsonObject("localEndpoint").getString("serviceName"));
        }
        assertEquals("/zchain/front/sync/{id}", front.getJsonObject("tags").getString("http.route"));
        assertEquals("200", client.getJsonObject("tags").getString("http.response.status_code"));
    }

    @Test
    void stoppingTheApplicationDeliversEverySpanStillQueued() throws Exception {
        int requests = 150;
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("zflush",
                ExportSettings.zipkin("zipkin-flush", zipkin.spansEndpoint()),
                "otel.bsp.schedule.delay=3600000", "otel.bsp.max.export.batch.size=1000"))) {
            Burst burst = Burst.get(app.applicationUri().resolve("orders/2"), requests, 8);
            assertEquals(requests, burst.count(200), burst.toString());
        }
        // Zipkin indexes what it received asynchronously; the count must settle at exactly N.
        Waiting.until(() -> zipkin.traces("zipkin-flush").size() >= requests, Duration.ofSeconds(20), requests + " traces in Zipkin");
        assertEquals(requests, zipkin.traces("zipkin-flush").size());
    }

    private static JsonObject only(List<JsonObject> spans, String kind, String name) {
        List<JsonObject> found = spans.stream()
                .filter(s -> kind.equals(s.getString("kind", null)) && name.equals(s.getString("name", null))).toList();
        assertEquals(1, found.size(), kind + " " + name + " in " + spans);
        return found.get(0);
    }

    private static Optional<JsonArray> trace(String service) {
        return zipkin.traces(service).stream()
                .filter(t -> !t.isEmpty() && TRACE.equals(t.getJsonObject(0).getString("traceId")))
                .findFirst();
    }
}
