package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Lane;
import io.github.otelcdi.jaxrs.internal.sse.TracedEventSink;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Server-Sent Events: the SERVER span lasts as long as the stream, records each event sent (its
 * name and id, never its data), is current in the resource method, and ends when the client goes away.
 */
@BehaviourTest
class ServerSentEventsTest {

    /** CXF's broadcaster takes only CXF's own sinks: there otel-cdi leaves the sink alone and records no event per send. */
    private static final boolean EVENTS_RECORDED = Lane.current() != Lane.OWB_CXF;
    private static final int TICKS = 5;
    private static final long PAUSE_MILLIS = 100;

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive work() {
        return Archives.work("sse", Archives.TRACED, "otel.bsp.schedule.delay=50");
    }

    @Test
    void theSpanLastsTheWholeStreamAndRecordsEachEvent() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri("stream/ticks?count=" + TICKS + "&pause=" + PAUSE_MILLIS)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        List<String> lines = response.body().toList();
        List<String> names = lines.stream().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).trim()).toList();
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).toList();
        assertEquals(TICKS + 2, names.size(), "start, the ticks, sender: " + lines);
        assertEquals("nothing", data.get(data.size() - 1), "the sending thread had no span current");

        SpanData server = CapturedSpans.one(SpanKind.SERVER, "GET " + context.getPath() + "stream/ticks");
        assertEquals(server.getSpanId(), data.get(0), "the SERVER span is current in the resource method");
        long millis = (server.getEndEpochNanos() - server.getStartEpochNanos()) / 1_000_000;
        assertTrue(millis >= TICKS * PAUSE_MILLIS, "the span covers the stream: " + millis + " ms");
        assertEquals(200L, server.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(StatusCode.UNSET, server.getStatus().getStatusCode());
        if (EVENTS_RECORDED) {
            List<EventData> sent = sent(server);
            assertEquals(names, sent.stream().map(e -> e.getAttributes().get(TracedEventSink.EVENT_NAME)).toList(), "one span event per send");
            assertEquals(List.of("1", "2", "3", "4", "5"), sent.stream().map(e -> e.getAttributes().get(TracedEventSink.EVENT_ID))
                    .filter(id -> id != null).toList());
            assertTrue(sent.stream().allMatch(e -> e.getAttributes().size() <= 2), "names and ids only, never the data: " + sent);
        }
    }

    @Test
    void aBroadcastStreamLastsUntilTheBroadcasterClosesIt() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri("stream/broadcast?count=3&pause=" + PAUSE_MILLIS)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(3, response.body().filter(l -> l.startsWith("event:")).count());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, "GET " + context.getPath() + "stream/broadcast");
        long millis = (server.getEndEpochNanos() - server.getStartEpochNanos()) / 1_000_000;
        assertTrue(millis >= 3 * PAUSE_MILLIS, "the span covers the stream: " + millis + " ms");
        if (EVENTS_RECORDED) {
            assertEquals(List.of("1", "2", "3"), sent(server).stream().map(e -> e.getAttributes().get(TracedEventSink.EVENT_ID)).toList());
        }
    }

    /** The span ends, with the status the client saw (500; 200 on CXF, which sent the headers before the method ran) and the exception. */
    @Test
    void aStreamMethodThatThrowsEndsItsSpan() {
        HttpResponse<String> response = Http.get(uri("stream/failing"));
        SpanData server = CapturedSpans.one(SpanKind.SERVER, "GET " + context.getPath() + "stream/failing");
        assertEquals((long) response.statusCode(), server.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(IllegalStateException.class.getName(), server.getEvents().stream().filter(e -> e.getName().equals("exception"))
                .map(e -> e.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE)).findFirst().orElse(null), server.toString());
    }

    private static List<EventData> sent(SpanData server) {
        return server.getEvents().stream().filter(e -> e.getName().equals(TracedEventSink.SENT)).toList();
    }

    @Test
    void aStreamClosedBeforeItsMethodReturnsEndsWithTheExchange() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri("stream/inline?count=3")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        SpanData server = CapturedSpans.one(SpanKind.SERVER, "GET " + context.getPath() + "stream/inline");
        assertEquals((long) response.statusCode(), server.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE),
                "the status the client saw: " + response.body());
        if (EVENTS_RECORDED) {
            assertEquals(List.of("1", "2", "3"), sent(server).stream().map(e -> e.getAttributes().get(TracedEventSink.EVENT_ID)).toList());
        }
    }

    @Test
    void aClientThatGoesAwayEndsTheSpan() throws Exception {
        URI endless = uri("stream/endless");
        List<String> received = new ArrayList<>();
        try (Socket socket = new Socket(endless.getHost(), endless.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + endless.getRawPath() + " HTTP/1.1\r\nHost: " + endless.getHost() + ":" + endless.getPort()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && received.stream().filter(l -> l.startsWith("event:")).count() < 3; line = in.readLine()) {
                received.add(line);
            }
        }
        assertTrue(received.get(0).contains("200"), "the stream started: " + received);
        SpanData server = CapturedSpans.one(SpanKind.SERVER, "GET " + context.getPath() + "stream/endless");
        if (EVENTS_RECORDED) {
            assertNotNull(server.getAttributes().get(ErrorAttributes.ERROR_TYPE), "the failed send's error type: " + server);
            assertTrue(sent(server).size() >= 3, "the events sent before the client left: " + server.getEvents());
        }
    }

    private URI uri(String path) {
        return URI.create(context.toExternalForm() + path);
    }
}
