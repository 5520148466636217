package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.ServiceAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SERVER → CLIENT → SERVER in one trace, through the JAX-RS client and the Rest Client; {@code @WithSpan}. */
class ClientSpansTest {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @RegisterExtension
    static final DeployedApp app = new DeployedApp(() -> Archives.chain("chain", Archives.TRACED,
            "otel.instrumentation.http.server.excluded-urls=front/excluded"));

    @Test
    void jaxRsClientSyncJoinsTheTrace() {
        assertChain("front/sync/1", "/chain/front/sync/{id}", "1");
    }

    @Test
    void jaxRsClientRxJoinsTheTrace() {
        assertChain("front/rx/2", "/chain/front/rx/{id}", "2");
    }

    @Test
    void jaxRsClientAsyncJoinsTheTrace() {
        assertChain("front/async/3", "/chain/front/async/{id}", "3");
    }

    @Test
    void restClientSyncJoinsTheTrace() {
        assertChain("front/rest/4", "/chain/front/rest/{id}", "4");
    }

    @Test
    void restClientAsyncJoinsTheTrace() {
        assertChain("front/rest-async/5", "/chain/front/rest-async/{id}", "5");
    }

    /** Two services: an injected {@code @RegisterRestClient} interface calls the other one. */
    @Test
    void injectedRestClientJoinsTheTraceAcrossServices() {
        try (WebArchiveDeployment upstream = WebArchiveDeployment.deploy(Archives.chain("upstream", Archives.TRACED,
                "otel.service.name=upstream-service", "back/mp-rest/url=" + app.contextUri()))) {
            for (String mode : List.of("sync", "async")) {
                CapturedSpans.clearWhenQuiet();
                assertEquals("back " + mode, Http.get(upstream.contextUri().resolve("relay/" + mode + "/" + mode)).body());
                SpanData relay = one(SpanKind.SERVER, "GET /upstream/relay/" + mode + "/{id}");
                SpanData client = one(SpanKind.CLIENT, "GET");
                SpanData back = one(SpanKind.SERVER, "GET /chain/back/{id}");
                assertEquals(relay.getSpanId(), client.getParentSpanId(), mode);
                assertEquals(client.getSpanId(), back.getParentSpanId(), mode);
                assertEquals(relay.getTraceId(), back.getTraceId(), mode);
                assertEquals("upstream-service", client.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
            }
        }
    }

    @Test
    void downstream400IsAClientErrorButNotAServerError() {
        assertEquals("downstream said 400", Http.get(app.contextUri().resolve("front/downstream-400")).body());
        SpanData client = one(SpanKind.CLIENT, "GET");
        assertEquals(StatusCode.ERROR, client.getStatus().getStatusCode());
        assertEquals("400", client.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertTrue(client.getAttributes().get(UrlAttributes.URL_FULL).endsWith("/chain/back/bad/request?sig=REDACTED"),
                client.getAttributes().get(UrlAttributes.URL_FULL));
        SpanData back = one(SpanKind.SERVER, "GET /chain/back/bad/request");
        assertEquals(StatusCode.UNSET, back.getStatus().getStatusCode());
        assertEquals(client.getSpanId(), back.getParentSpanId());
    }

    @Test
    void connectionRefusedIsAnErrorSpanAndTheCallersExceptionIsUnchanged() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String body = Http.get(app.contextUri().resolve("front/refused?port=" + closedPort)).body();
        assertEquals("jakarta.ws.rs.ProcessingException caused by java.net.ConnectException", body);
        SpanData client = one(SpanKind.CLIENT, "GET");
        assertEquals(StatusCode.ERROR, client.getStatus().getStatusCode());
        assertEquals("java.net.ConnectException", client.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertNull(client.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(-1L, client.getAttributes().get(AttributeKey.longKey("test.client.status")), "response hook ran, without a response");
    }

    @Test
    void baggageSentByTheCallerIsVisibleDownstream() {
        HttpResponse<String> response = Http.get(app.contextUri().resolve("front/baggage"), "baggage", "tenant=acme");
        assertEquals("acme", response.body());
    }

    @Test
    void anExcludedRequestStillPropagatesTheCallersContext() {
        Http.get(app.contextUri().resolve("front/excluded/6"), "traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
        SpanData client = one(SpanKind.CLIENT, "GET");
        assertEquals(CALLER_TRACE, client.getTraceId());
        assertEquals(CALLER_SPAN, client.getParentSpanId());
        SpanData back = one(SpanKind.SERVER, "GET /chain/back/{id}");
        assertEquals(client.getSpanId(), back.getParentSpanId());
        assertTrue(CapturedSpans.all().stream().noneMatch(e -> e.span().getName().contains("excluded")));
    }

    @Test
    void withSpanRecordsNameKindParentAndParameters() {
        assertEquals("hello ada hello ada", Http.get(app.contextUri().resolve("front/greet")).body());
        SpanData server = one(SpanKind.SERVER, "GET /chain/front/greet");
        SpanData greet = one(SpanKind.INTERNAL, "Greeter.greet");
        assertEquals(server.getSpanId(), greet.getParentSpanId());
        assertEquals("ada", greet.getAttributes().get(AttributeKey.stringKey("person")));
        assertEquals(2L, greet.getAttributes().get(AttributeKey.longKey("times")));
        assertEquals(StatusCode.UNSET, greet.getStatus().getStatusCode());
    }

    @Test
    void withSpanOnAThrowingMethodIsAnErrorSpanWithTheException() {
        assertEquals("caught greeter is broken", Http.get(app.contextUri().resolve("front/greet-fail")).body());
        SpanData failed = one(SpanKind.INTERNAL, "custom-name");
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertTrue(failed.getEvents().stream().anyMatch(e -> e.getName().equals("exception")));
    }

    @Test
    void withSpanOnACompletionStageEndsWhenTheStageCompletes() {
        assertEquals("later", Http.get(app.contextUri().resolve("front/greet-later")).body());
        SpanData later = one(SpanKind.PRODUCER, "Greeter.later");
        long millis = (later.getEndEpochNanos() - later.getStartEpochNanos()) / 1_000_000;
        assertTrue(millis >= 150, "span covers the stage: " + millis + " ms");
        assertEquals(150L, later.getAttributes().get(AttributeKey.longKey("delay")));
    }

    private static void assertChain(String path, String frontRoute, String id) {
        HttpResponse<String> response = Http.get(app.contextUri().resolve(path));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("back " + id, response.body());
        SpanData front = one(SpanKind.SERVER, "GET " + frontRoute);
        SpanData client = one(SpanKind.CLIENT, "GET");
        SpanData back = one(SpanKind.SERVER, "GET /chain/back/{id}");
        assertEquals(front.getTraceId(), client.getTraceId());
        assertEquals(front.getTraceId(), back.getTraceId());
        assertEquals(front.getSpanId(), client.getParentSpanId(), "CLIENT is the child of the SERVER span that made the call");
        assertEquals(client.getSpanId(), back.getParentSpanId(), "downstream SERVER continues the CLIENT span");
        assertEquals("127.0.0.1", client.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
        assertEquals((long) app.contextUri().getPort(), client.getAttributes().get(ServerAttributes.SERVER_PORT));
        assertEquals(app.contextUri().resolve("back/" + id).toString(), client.getAttributes().get(UrlAttributes.URL_FULL));
        assertEquals(200L, client.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(StatusCode.UNSET, client.getStatus().getStatusCode());
        assertEquals("/chain/back/" + id, client.getAttributes().get(AttributeKey.stringKey("test.client.path")));
        assertEquals(200L, client.getAttributes().get(AttributeKey.longKey("test.client.status")));
        assertFalse(client.getAttributes().asMap().isEmpty());
    }

    private static SpanData one(SpanKind kind, String name) {
        List<SpanData> spans = CapturedSpans.await(1, s -> s.getKind() == kind && s.getName().equals(name));
        assertEquals(1, spans.size(), "exactly one " + kind + " " + name + ": " + spans);
        return spans.get(0);
    }
}
