package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Lane;
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
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** SERVER → CLIENT → SERVER in one trace, through the JAX-RS client and the Rest Client; {@code @WithSpan}. */
@BehaviourTest
class ClientSpansTest {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String UPSTREAM = "upstream";

    @ArquillianResource
    @OperateOnDeployment("chain")
    private URL chain;

    @ArquillianResource
    @OperateOnDeployment(UPSTREAM)
    private URL upstream;

    @Deployment(name = "chain", testable = false)
    static WebArchive chain() {
        return Archives.chain("chain", Archives.TRACED, "otel.instrumentation.http.server.excluded-urls=front/excluded");
    }

    /** A second service, calling the first through an injected {@code @RestClient}. */
    @Deployment(name = UPSTREAM, testable = false)
    static WebArchive upstream() {
        return Archives.chain(UPSTREAM, Archives.TRACED, "otel.service.name=upstream-service");
    }

    private URI uri(String path) {
        return URI.create(chain.toExternalForm()).resolve(path);
    }

    @Test
    void jaxRsClientSyncJoinsTheTrace() {
        assertChain("front/sync/1", "/chain/front/sync/{id}", "1");
    }

    @Test
    void jaxRsClientRxJoinsTheTrace() {
        assumeRxClientContext();
        assertChain("front/rx/2", "/chain/front/rx/{id}", "2");
    }

    @Test
    void jaxRsClientAsyncJoinsTheTrace() {
        assumeAsyncClientContext();
        assertChain("front/async/3", "/chain/front/async/{id}", "3");
    }

    @Test
    void restClientSyncJoinsTheTrace() {
        assumeRestClient();
        assertChain("restfront/rest/4", "/chain/restfront/rest/{id}", "4");
    }

    @Test
    void restClientAsyncJoinsTheTrace() {
        assumeRestClient();
        assertChain("restfront/rest-async/5", "/chain/restfront/rest-async/{id}", "5");
    }

    private static void assumeAsyncClientContext() {
        Lane.current().assume(Lane.current() != Lane.LIBERTY, "Open Liberty runs async() and rx() client calls on its own "
                + "managed executor, which carries no OpenTelemetry context");
    }

    private static void assumeRxClientContext() {
        assumeAsyncClientContext();
        Lane.current().assume(Lane.current() != Lane.OWB_CXF, "CXF runs rx() client calls on java:comp/DefaultManagedExecutorService, "
                + "or where there is none (as here) on the common fork-join pool, neither of which carries the OpenTelemetry context");
    }

    private static void assumeRestClient() {
        Lane.current().assume(Lane.current().restClient(), "the server offers no MicroProfile Rest Client to applications");
    }

    /** Two services: an injected {@code @RegisterRestClient} interface calls the other one. */
    @Test
    void injectedRestClientJoinsTheTraceAcrossServices() {
        assumeRestClient();
        URI relay = URI.create(upstream.toExternalForm());
        assertEquals(200, Http.send("PUT", relay.resolve("downstream"), chain.toExternalForm(), "Content-Type", "text/plain").statusCode());
        for (String mode : List.of("sync", "async")) {
            CapturedSpans.clearWhenQuiet();
            assertEquals("back " + mode, Http.get(relay.resolve("relay/" + mode + "/" + mode)).body());
            SpanData served = CapturedSpans.one(SpanKind.SERVER, "GET /upstream/relay/" + mode + "/{id}");
            SpanData client = CapturedSpans.one(SpanKind.CLIENT, "GET");
            SpanData back = CapturedSpans.one(SpanKind.SERVER, "GET /chain/back/{id}");
            assertEquals(served.getSpanId(), client.getParentSpanId(), mode);
            assertEquals(client.getSpanId(), back.getParentSpanId(), mode);
            assertEquals(served.getTraceId(), back.getTraceId(), mode);
            assertEquals("upstream-service", client.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
        }
    }

    @Test
    void downstream400IsAClientErrorButNotAServerError() {
        assertEquals("downstream said 400", Http.get(uri("front/downstream-400")).body());
        SpanData client = CapturedSpans.one(SpanKind.CLIENT, "GET");
        assertEquals(StatusCode.ERROR, client.getStatus().getStatusCode());
        assertEquals("400", client.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertTrue(client.getAttributes().get(UrlAttributes.URL_FULL).endsWith("/chain/back/bad/request?sig=REDACTED"),
                client.getAttributes().get(UrlAttributes.URL_FULL));
        SpanData back = CapturedSpans.one(SpanKind.SERVER, "GET /chain/back/bad/request");
        assertEquals(StatusCode.UNSET, back.getStatus().getStatusCode());
        assertEquals(client.getSpanId(), back.getParentSpanId());
    }

    @Test
    void connectionRefusedIsAnErrorSpanAndTheCallersExceptionIsUnchanged() throws IOException {
        Lane.current().assume(Lane.current().jersey() || Lane.current() == Lane.OWB_CXF,
                "RESTEasy's client tells no provider about a call that fails without a response, so its CLIENT span cannot end");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String body = Http.get(uri("front/refused?port=" + closedPort)).body();
        assertEquals("jakarta.ws.rs.ProcessingException caused by java.net.ConnectException", body);
        SpanData client = CapturedSpans.one(SpanKind.CLIENT, "GET");
        assertEquals(StatusCode.ERROR, client.getStatus().getStatusCode());
        assertEquals("java.net.ConnectException", client.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertNull(client.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(-1L, client.getAttributes().get(AttributeKey.longKey("test.client.status")), "response hook ran, without a response");
    }

    @Test
    void baggageSentByTheCallerIsVisibleDownstream() {
        HttpResponse<String> response = Http.get(uri("front/baggage"), "baggage", "tenant=acme");
        assertEquals("acme", response.body());
    }

    @Test
    void anExcludedRequestStillPropagatesTheCallersContext() {
        Http.get(uri("front/excluded/6"), "traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
        SpanData client = CapturedSpans.one(SpanKind.CLIENT, "GET");
        assertEquals(CALLER_TRACE, client.getTraceId());
        assertEquals(CALLER_SPAN, client.getParentSpanId());
        SpanData back = CapturedSpans.one(SpanKind.SERVER, "GET /chain/back/{id}");
        assertEquals(client.getSpanId(), back.getParentSpanId());
        assertTrue(CapturedSpans.all().stream().noneMatch(span -> span.getName().contains("excluded")));
    }

    @Test
    void withSpanRecordsNameKindParentAndParameters() {
        assertEquals("hello ada hello ada", Http.get(uri("front/greet")).body());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, "GET /chain/front/greet");
        SpanData greet = CapturedSpans.one(SpanKind.INTERNAL, "Greeter.greet");
        assertEquals(server.getSpanId(), greet.getParentSpanId());
        assertEquals("ada", greet.getAttributes().get(AttributeKey.stringKey("person")));
        assertEquals(2L, greet.getAttributes().get(AttributeKey.longKey("times")));
        assertEquals(StatusCode.UNSET, greet.getStatus().getStatusCode());
    }

    @Test
    void withSpanOnAThrowingMethodIsAnErrorSpanWithTheException() {
        assertEquals("caught greeter is broken", Http.get(uri("front/greet-fail")).body());
        SpanData failed = CapturedSpans.one(SpanKind.INTERNAL, "custom-name");
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertTrue(failed.getEvents().stream().anyMatch(e -> e.getName().equals("exception")));
    }

    @Test
    void withSpanOnACompletionStageEndsWhenTheStageCompletes() {
        assertEquals("later", Http.get(uri("front/greet-later")).body());
        SpanData later = CapturedSpans.one(SpanKind.PRODUCER, "Greeter.later");
        long millis = (later.getEndEpochNanos() - later.getStartEpochNanos()) / 1_000_000;
        assertTrue(millis >= 150, "span covers the stage: " + millis + " ms");
        assertEquals(150L, later.getAttributes().get(AttributeKey.longKey("delay")));
    }

    private void assertChain(String path, String frontRoute, String id) {
        HttpResponse<String> response = Http.get(uri(path));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("back " + id, response.body());
        SpanData front = CapturedSpans.one(SpanKind.SERVER, "GET " + frontRoute);
        SpanData client = CapturedSpans.one(SpanKind.CLIENT, "GET");
        SpanData back = CapturedSpans.one(SpanKind.SERVER, "GET /chain/back/{id}");
        assertEquals(front.getTraceId(), client.getTraceId());
        assertEquals(front.getTraceId(), back.getTraceId());
        assertEquals(front.getSpanId(), client.getParentSpanId(), "CLIENT is the child of the SERVER span that made the call");
        assertEquals(client.getSpanId(), back.getParentSpanId(), "downstream SERVER continues the CLIENT span");
        assertEquals(chain.getHost(), client.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
        assertEquals((long) chain.getPort(), client.getAttributes().get(ServerAttributes.SERVER_PORT));
        assertEquals(uri("back/" + id).toString(), client.getAttributes().get(UrlAttributes.URL_FULL));
        assertEquals(200L, client.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(StatusCode.UNSET, client.getStatus().getStatusCode());
        assertEquals("/chain/back/" + id, client.getAttributes().get(AttributeKey.stringKey("test.client.path")));
        assertEquals(200L, client.getAttributes().get(AttributeKey.longKey("test.client.status")));
        assertFalse(client.getAttributes().asMap().isEmpty());
    }
}
