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
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.ServiceAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Attributes, propagation, injected beans and settings of SERVER spans. */
@BehaviourTest
class ServerSpanAttributesTest {

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive shop() {
        return Archives.shop("attributes", Archives.TRACED,
                "otel.service.name=attributes-shop",
                "otel.instrumentation.http.server.capture-request-headers=X-Tenant,Authorization",
                "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_RESPONSE=Content-Type",
                "otel.instrumentation.http.server.excluded-urls=healthz,^/attributes/api/orders/99$");
    }

    private URI api(String path) {
        return URI.create(context.toExternalForm()).resolve("api/" + path);
    }

    @Test
    void stableHttpSemanticConventions() {
        URI uri = api("orders/5?expand=true");
        HttpResponse<String> response = Http.get(uri, "User-Agent", "otel-cdi-test/1.0", "X-Tenant", "acme",
                "Authorization", "Bearer secret");
        assertEquals(200, response.statusCode());

        SpanData span = server();
        assertEquals("GET /attributes/api/orders/{id}", span.getName());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals("GET", span.getAttributes().get(HttpAttributes.HTTP_REQUEST_METHOD));
        assertEquals("/attributes/api/orders/{id}", span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
        assertEquals(200L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("/attributes/api/orders/5", span.getAttributes().get(UrlAttributes.URL_PATH));
        assertEquals("expand=true", span.getAttributes().get(UrlAttributes.URL_QUERY));
        assertEquals("http", span.getAttributes().get(UrlAttributes.URL_SCHEME));
        assertEquals(uri.getHost(), span.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
        assertEquals((long) uri.getPort(), span.getAttributes().get(ServerAttributes.SERVER_PORT));
        assertEquals("otel-cdi-test/1.0", span.getAttributes().get(UserAgentAttributes.USER_AGENT_ORIGINAL));
        assertEquals("attributes-shop", span.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
        assertEquals("io.github.otelcdi", span.getInstrumentationScopeInfo().getName());
        assertEquals("1.1", span.getAttributes().get(NetworkAttributes.NETWORK_PROTOCOL_VERSION));
    }

    /** The peer is the client's end of the connection (its port proves it is not the server's own). */
    @Test
    void clientAddressFallsBackToThePeerOfTheConnection() throws IOException {
        URI uri = api("orders/5");
        int clientPort;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            clientPort = socket.getLocalPort();
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.0\r\nHost: " + uri.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 200.*"), answer);
        }
        SpanData span = server();
        assertEquals("127.0.0.1", span.getAttributes().get(NetworkAttributes.NETWORK_PEER_ADDRESS));
        assertEquals((long) clientPort, span.getAttributes().get(NetworkAttributes.NETWORK_PEER_PORT));
        assertEquals("127.0.0.1", span.getAttributes().get(ClientAttributes.CLIENT_ADDRESS));
        assertEquals("1.0", span.getAttributes().get(NetworkAttributes.NETWORK_PROTOCOL_VERSION));
    }

    @Test
    void capturedHeadersAreRecordedAndSecretsRedacted() {
        HttpResponse<String> response = Http.get(api("orders/5"), "X-Tenant", "acme", "Authorization", "Bearer secret");
        SpanData span = server();
        assertEquals(List.of("acme"), span.getAttributes().get(AttributeKey.stringArrayKey("http.request.header.x-tenant")));
        assertEquals(List.of("[REDACTED]"), span.getAttributes().get(AttributeKey.stringArrayKey("http.request.header.authorization")));
        // Which type a runtime negotiates for a String without @Produces differs; the span says what the client got.
        String sent = response.headers().firstValue("Content-Type").orElseThrow();
        assertEquals(List.of(sent), span.getAttributes().get(AttributeKey.stringArrayKey("http.response.header.content-type")));
    }

    @Test
    void incomingTraceparentIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentId = "00f067aa0ba902b7";
        Http.get(api("orders/1"), "traceparent", "00-" + traceId + "-" + parentId + "-01");
        SpanData span = server();
        assertEquals(traceId, span.getTraceId());
        assertEquals(parentId, span.getParentSpanId());
        assertTrue(span.getParentSpanContext().isRemote());
    }

    @Test
    void requestWithoutTraceparentStartsANewTrace() {
        Http.get(api("orders/1"));
        Http.get(api("orders/2"));
        List<SpanData> spans = CapturedSpans.await(2, s -> s.getKind() == SpanKind.SERVER);
        assertFalse(spans.get(0).getParentSpanContext().isValid());
        assertFalse(spans.get(1).getParentSpanContext().isValid());
        assertFalse(spans.get(0).getTraceId().equals(spans.get(1).getTraceId()));
    }

    @Test
    void serverSpanIsCurrentInTheResourceMethodAndInjectedBeansFollowIt() {
        Lane.current().assume(Lane.current().cdi(), "the resource injects otel-cdi's Span, Tracer and Baggage beans, which need CDI");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> response = Http.get(api("tracing"),
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01", "baggage", "user=alice");
        String[] ids = response.body().split(",");
        SpanData server = server();
        SpanData child = CapturedSpans.await(1, s -> s.getName().equals("child-work")).get(0);
        assertEquals(server.getSpanId(), ids[0], "injected Span is the SERVER span");
        assertEquals(child.getSpanId(), ids[1]);
        assertEquals(server.getSpanId(), child.getParentSpanId(), "span made with the injected Tracer is a child");
        assertEquals(traceId, child.getTraceId());
        assertEquals("alice", ids[2], "injected Baggage carries the caller's baggage");
    }

    @Test
    void excludedUrlsProduceNoSpan() {
        assertEquals(404, Http.get(URI.create(context.toExternalForm()).resolve("healthz")).statusCode());
        assertEquals(200, Http.get(api("orders/99")).statusCode());
        Http.get(api("orders/100"));
        SpanData only = server();
        assertEquals("/attributes/api/orders/100", only.getAttributes().get(UrlAttributes.URL_PATH));
        assertEquals(1, CapturedSpans.all().size(), "only the request that was not excluded: " + CapturedSpans.all());
    }

    private static SpanData server() {
        return CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER).get(0);
    }
}
