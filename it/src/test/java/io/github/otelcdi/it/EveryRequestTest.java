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
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** One SERVER span per request, right for every situation of DESIGN.md's behaviour table. */
@BehaviourTest
class EveryRequestTest {

    private static final String ROOT = "/every";
    private static final String UNTRACED = "untraced";

    @ArquillianResource
    @OperateOnDeployment("every")
    private URL context;

    @ArquillianResource
    @OperateOnDeployment(UNTRACED)
    private URL untracedContext;

    @Deployment(name = "every", testable = false)
    static WebArchive every() {
        return Archives.edge("every", Archives.TRACED);
    }

    /** The same application with otel-cdi present but the SDK off (the default). */
    @Deployment(name = UNTRACED, testable = false)
    static WebArchive untraced() {
        return Archives.edge(UNTRACED);
    }

    @Test
    void notFound() {
        SpanData span = request("GET", "edge/nothing", null, 404);
        assertSpan(span, "GET", null, StatusCode.UNSET, null);
        assertTrue(span.getEvents().isEmpty(), "no exception event for the runtime's own 404");
    }

    @Test
    void methodNotAllowed() {
        assertSpan(request("DELETE", "edge/current", null, 405), "DELETE", null, StatusCode.UNSET, null);
    }

    @Test
    void notAcceptable() {
        assertSpan(request("GET", "edge/current", null, 406, "Accept", "image/png"), "GET", null, StatusCode.UNSET, null);
    }

    @Test
    void unsupportedMediaType() {
        assertSpan(request("POST", "edge/json", "hello", 415, "Content-Type", "text/plain"), "POST", null, StatusCode.UNSET, null);
    }

    @Test
    void requestAbortedByAnAuthenticationFilterKeepsTheMatchedRoute() {
        assertSpan(request("GET", "edge/secure", null, 401), "GET " + ROOT + "/edge/secure", ROOT + "/edge/secure", StatusCode.UNSET, null);
    }

    @Test
    void requestTurnedAwayBeforeMatchingHasItsSpanWithoutRoute() {
        SpanData span = request("GET", "edge/gate/closed", null, 403);
        assertSpan(span, "GET", null, StatusCode.UNSET, null);
        assertTrue(span.getEvents().isEmpty(), "nothing failed: " + span.getEvents());
    }

    @Test
    void unmappedExceptionOfAFilterBeforeMatchingEndsTheSpanWith500() {
        SpanData span = request("GET", "edge/gate/broken", null, 500);
        if (Lane.current().resteasy()) {
            // RESTEasy answers 500 itself and hands otel-cdi no exception thrown before matching.
            assertSpan(span, "GET", null, StatusCode.ERROR, "500");
            return;
        }
        assertSpan(span, "GET", null, StatusCode.ERROR, "java.lang.IllegalStateException");
        assertException(span, "java.lang.IllegalStateException");
    }

    @Test
    void unknownMethodIsOther() {
        SpanData span = request("PURGE", "edge/current", null, 405);
        assertEquals("HTTP", span.getName());
        assertEquals("_OTHER", span.getAttributes().get(HttpAttributes.HTTP_REQUEST_METHOD));
        assertEquals("PURGE", span.getAttributes().get(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL));
    }

    @Test
    void queryIsAKnownMethodByDefault() {
        SpanData span = request("QUERY", "edge/current", null, 405);
        assertEquals("QUERY", span.getName());
        assertEquals("QUERY", span.getAttributes().get(HttpAttributes.HTTP_REQUEST_METHOD));
    }

    @Test
    void exceptionMappedToA4xxIsRecordedButNotAnError() {
        SpanData span = request("GET", "edge/mapped-404", null, 404);
        assertSpan(span, "GET " + ROOT + "/edge/mapped-404", ROOT + "/edge/mapped-404", StatusCode.UNSET,
                "io.github.otelcdi.it.apps.OrderMissingException");
        assertException(span, "io.github.otelcdi.it.apps.OrderMissingException");
    }

    @Test
    void exceptionMappedToA5xxIsAnError() {
        SpanData span = request("GET", "edge/mapped-502", null, 502);
        assertSpan(span, "GET " + ROOT + "/edge/mapped-502", ROOT + "/edge/mapped-502", StatusCode.ERROR,
                "io.github.otelcdi.it.apps.BackendDownException");
        assertException(span, "io.github.otelcdi.it.apps.BackendDownException");
    }

    @Test
    void unmappedExceptionEndsTheSpanWith500() {
        SpanData span = request("GET", "edge/unmapped", null, 500);
        assertSpan(span, "GET " + ROOT + "/edge/unmapped", ROOT + "/edge/unmapped", StatusCode.ERROR, "java.lang.IllegalStateException");
        assertException(span, "java.lang.IllegalStateException");
    }

    @Test
    void asyncResponseEndsWhenResumedAndRanInTheServerSpan() {
        HttpResponse<String> response = Http.get(uri("edge/async?delay=150"));
        SpanData span = server();
        assertEquals(200, response.statusCode());
        assertEquals(span.getSpanId(), response.body(), "span current while the resource method ran");
        assertSpan(span, "GET " + ROOT + "/edge/async", ROOT + "/edge/async", StatusCode.UNSET, null);
        assertTrue(durationMillis(span) >= 150, "span covers the async completion: " + durationMillis(span) + " ms");
    }

    @Test
    void asyncResponseResumedWithAnException() {
        SpanData span = request("GET", "edge/async-error", null, 500);
        assertEquals(ROOT + "/edge/async-error", span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assumeAsyncFailuresSeen();
        assertSpan(span, "GET " + ROOT + "/edge/async-error", ROOT + "/edge/async-error", StatusCode.ERROR, "java.lang.IllegalStateException");
        assertException(span, "java.lang.IllegalStateException");
    }

    /**
     * RESTEasy on a servlet container without otel-cdi's filter (Open Liberty), and CXF, answer these
     * without telling any provider why.
     */
    private static void assumeAsyncFailuresSeen() {
        Lane lane = Lane.current();
        lane.assume(lane != Lane.OWB_CXF, "CXF answers an exception an AsyncResponse is resumed with, that nothing maps, "
                + "with a bare 500 (its timeout with a bare 503) and keeps the exception to itself; error.type is the status code");
        lane.assume(lane.jersey() || lane.servlet(), "RESTEasy maps an exception an AsyncResponse is resumed with (or its "
                + "timeout) to a response without telling any provider which exception; error.type is the status code");
    }

    @Test
    void asyncResponseCancelled() {
        assertSpan(request("GET", "edge/async-cancel", null, 503), "GET " + ROOT + "/edge/async-cancel",
                ROOT + "/edge/async-cancel", StatusCode.ERROR, "503");
    }

    @Test
    void asyncResponseTimedOut() {
        // Jersey's default timeout handler throws ServiceUnavailableException: recorded as what happened.
        SpanData span = request("GET", "edge/async-timeout", null, 503);
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assumeAsyncFailuresSeen();
        assertSpan(span, "GET " + ROOT + "/edge/async-timeout", ROOT + "/edge/async-timeout", StatusCode.ERROR,
                "jakarta.ws.rs.ServiceUnavailableException");
        assertException(span, "jakarta.ws.rs.ServiceUnavailableException");
    }

    @Test
    void completionStageEndsWhenCompleted() {
        HttpResponse<String> response = Http.get(uri("edge/stage?delay=150"));
        SpanData span = server();
        assertEquals(span.getSpanId(), response.body());
        assertSpan(span, "GET " + ROOT + "/edge/stage", ROOT + "/edge/stage", StatusCode.UNSET, null);
        assertTrue(durationMillis(span) >= 150, durationMillis(span) + " ms");
    }

    @Test
    void streamingOutputIsInsideTheSpan() {
        HttpResponse<String> response = Http.get(uri("edge/stream?chunks=5&pause=40"));
        assertTrue(response.body().contains("chunk 4"));
        SpanData span = server();
        assertSpan(span, "GET " + ROOT + "/edge/stream", ROOT + "/edge/stream", StatusCode.UNSET, null);
        assertTrue(durationMillis(span) >= 200, "span covers writing the body: " + durationMillis(span) + " ms");
    }

    /** The body outgrows the socket buffers, so the write after the client left fails. */
    @Test
    void clientDisconnectingMidBodyStillEndsTheSpan() throws Exception {
        URI uri = uri("edge/stream?chunks=400&pause=5&padding=65536");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readNBytes(200);
            socket.setSoLinger(true, 0);
        }
        SpanData span = server();
        assertEquals("GET " + ROOT + "/edge/stream", span.getName());
        assertTrue(span.hasEnded());
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        String errorType = span.getAttributes().get(ErrorAttributes.ERROR_TYPE);
        assertTrue(errorType != null && !errorType.matches("\\d+"), "the exception the write failed with: " + errorType);
        if (Lane.current().grizzly()) {
            assertEquals(IOException.class.getName(), errorType, "Grizzly reports a plain IOException");
        }
    }

    @Test
    void oddPathsAreServedAsIfWeWereAbsent() {
        List<String> paths = List.of("edge/%E2%82%AC", "edge/%ff%fe", "edge/a%2Fb", "edge/" + "x".repeat(3000), "edge/..%2F..%2Fetc");
        for (String path : paths) {
            assertEquals(Http.get(URI.create(untracedContext.toExternalForm()).resolve(path)).statusCode(),
                    Http.get(uri(path)).statusCode(), path);
        }
        for (SpanData span : CapturedSpans.all()) {
            assertEquals("GET", span.getName());
            assertNull(span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
        }
    }

    @Test
    void nothingLeaksOntoTheNextRequestOfAThread() {
        for (int i = 0; i < 20; i++) {
            Http.get(uri("edge/async"));
            Http.get(uri("edge/stage"));
            Http.get(uri("edge/unmapped"));
        }
        Set<String> seenAsCurrent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seenAsCurrent.add(Http.get(uri("edge/current")).body());
        }
        List<SpanData> spans = CapturedSpans.await(20, s -> s.getKind() == SpanKind.SERVER
                && (ROOT + "/edge/current").equals(s.getAttributes().get(UrlAttributes.URL_PATH)));
        Set<String> serverSpanIds = new HashSet<>();
        for (SpanData span : spans) {
            serverSpanIds.add(span.getSpanId());
            assertFalse(span.getParentSpanContext().isValid(), "no parent from an earlier request");
        }
        assertEquals(serverSpanIds, seenAsCurrent, "each request saw its own SERVER span as current");
    }

    @Test
    void forwardedHeadersDescribeTheOriginalRequest() {
        Http.get(uri("edge/current"), "Forwarded", "for=203.0.113.7;proto=https;host=shop.example.com");
        SpanData span = server();
        assertEquals("203.0.113.7", span.getAttributes().get(ClientAttributes.CLIENT_ADDRESS));
        assertEquals("https", span.getAttributes().get(UrlAttributes.URL_SCHEME));
        assertEquals("shop.example.com", span.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
        CapturedSpans.clear();
        Http.get(uri("edge/current"), "X-Forwarded-For", "198.51.100.9, 10.0.0.1",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.com:8443");
        span = server();
        assertEquals("198.51.100.9", span.getAttributes().get(ClientAttributes.CLIENT_ADDRESS));
        assertEquals("https", span.getAttributes().get(UrlAttributes.URL_SCHEME));
        assertEquals("api.example.com", span.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
        assertEquals(8443L, span.getAttributes().get(ServerAttributes.SERVER_PORT));
    }

    /** What a proxy may pass on unchecked: the answer is the server's own, the span is there, the garbage is not in it. */
    @Test
    void garbageForwardedHeadersNeverCostTheSpanNorBecomeAttributes() {
        String garbage = "4a*@]a__}6";
        List<String[]> hostile = List.of(
                new String[] {"X-Forwarded-Proto", garbage},
                new String[] {"Forwarded", "host=" + garbage + ";proto=" + garbage + ";for=" + garbage},
                new String[] {"Forwarded", "host=\"" + garbage + "\""},
                new String[] {"X-Forwarded-Host", garbage},
                new String[] {"X-Forwarded-Host", "shop.example.com:99999999"},
                new String[] {"X-Forwarded-For", garbage + ", 10.0.0.1"});
        for (String[] header : hostile) {
            CapturedSpans.clearWhenQuiet();
            int untracedStatus = Http.get(URI.create(untracedContext.toExternalForm()).resolve("edge/current"), header).statusCode();
            HttpResponse<String> response = Http.get(uri("edge/current"), header);
            assertEquals(untracedStatus, response.statusCode(), "answered as without otel-cdi: " + String.join(": ", header));
            SpanData span = server();
            String where = String.join(": ", header) + " gave " + span.getAttributes();
            assertEquals(ROOT + "/edge/current", span.getAttributes().get(HttpAttributes.HTTP_ROUTE), where);
            span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains(garbage), where));
            assertTrue(Set.of("http", "https").contains(span.getAttributes().get(UrlAttributes.URL_SCHEME)), where);
            Long port = span.getAttributes().get(ServerAttributes.SERVER_PORT);
            assertTrue(port == null || (port > 0 && port < 65536), where);
        }
    }

    @Test
    void sensitiveQueryValuesAreRedacted() {
        Http.get(uri("edge/current?page=2&X-Amz-Signature=abcdef&sig=123"));
        assertEquals("page=2&X-Amz-Signature=REDACTED&sig=REDACTED", server().getAttributes().get(UrlAttributes.URL_QUERY));
    }

    @Test
    void malformedPropagationHeadersStartANewTrace() {
        List<String[]> hostile = List.of(
                new String[] {"traceparent", "garbage"},
                new String[] {"traceparent", "00-00000000000000000000000000000000-0000000000000000-01"},
                new String[] {"traceparent", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"},
                new String[] {"traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra-" + "x".repeat(4000)},
                new String[] {"baggage", "=;;,,=" + "k=v,".repeat(2000)},
                new String[] {"tracestate", "a=1,".repeat(200)});
        for (String[] header : hostile) {
            assertEquals(200, Http.get(uri("edge/current"), header).statusCode(), header[0]);
        }
        List<SpanData> spans = CapturedSpans.await(hostile.size(), s -> s.getKind() == SpanKind.SERVER);
        for (SpanData span : spans) {
            assertTrue(span.getSpanContext().isValid());
        }
    }

    private URI uri(String path) {
        return URI.create(context.toExternalForm()).resolve(path);
    }

    private SpanData request(String method, String path, String body, int status, String... headers) {
        HttpResponse<String> response = Http.send(method, uri(path), body, headers);
        assertEquals(status, response.statusCode(), response.body());
        return server();
    }

    private static SpanData server() {
        List<SpanData> spans = CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER);
        assertEquals(1, spans.size(), "exactly one SERVER span: " + spans);
        return spans.get(0);
    }

    private static void assertSpan(SpanData span, String name, String route, StatusCode status, String errorType) {
        assertEquals(name, span.getName());
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals(route, span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
        assertEquals(status, span.getStatus().getStatusCode());
        assertEquals(errorType, span.getAttributes().get(ErrorAttributes.ERROR_TYPE));
    }

    private static void assertException(SpanData span, String type) {
        List<EventData> exceptions = span.getEvents().stream().filter(e -> e.getName().equals("exception")).toList();
        assertEquals(1, exceptions.size(), String.valueOf(span.getEvents()));
        assertEquals(type, exceptions.get(0).getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE));
        assertNull(span.getAttributes().get(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL));
    }

    private static long durationMillis(SpanData span) {
        return TimeUnit.NANOSECONDS.toMillis(span.getEndEpochNanos() - span.getStartEpochNanos());
    }
}
