package io.github.otelcdi.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.servers.app.TagHook;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The drop-in promise on a real server: a WAR with the application and otel-cdi's bundle in
 * {@code WEB-INF/lib}, nothing else. Spans are read the way an operator reads them: exported over
 * OTLP/HTTP to a receiver this test runs on 127.0.0.1. Which server, and whether its own telemetry
 * is present, is chosen by the Maven profile ({@code arquillian.launch}).
 */
@Tag("servers")
@ExtendWith(ArquillianExtension.class)
class DropInIT {

    private static final String CONTEXT = "dropin";
    private static final OtlpTraceReceiver RECEIVER = OtlpTraceReceiver.start();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        return DropInArchive.of(CONTEXT, List.of(
                // Payara's own telemetry would switch on with otel.sdk.disabled=false; otel-cdi's key
                // switches on otel-cdi alone (README, Payara). The same everywhere, so one WAR fits all.
                "otel-cdi.sdk.disabled=false",
                "otel.service.name=" + CONTEXT + "-" + System.getProperty("arquillian.launch", "server"),
                "otel.traces.exporter=otlp",
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.exporter.otlp.endpoint=" + RECEIVER.endpoint(),
                "otel.metrics.exporter=none",
                "otel.logs.exporter=none",
                "otel.bsp.schedule.delay=100",
                "otel.instrumentation.http.server.excluded-urls=/api/health$"),
                // What README says a user adds where the server ships its own telemetry, and only there.
                DropInArchive.serverDescriptors());
    }

    @Test
    void requestIsOneRouteNamedServerSpanWithItsClientCallInTheCallersTrace() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String caller = "00f067aa0ba902b7";
        HttpResponse<String> response = get("api/orders/12", "traceparent", "00-" + trace + "-" + caller + "-01");
        assertEquals(200, response.statusCode(), response.body());

        List<OtlpTraceReceiver.Received> spans = RECEIVER.await(3, span -> span.traceId().equals(trace));
        OtlpTraceReceiver.Received order = only(spans, SpanKind.SPAN_KIND_SERVER, "GET /" + CONTEXT + "/api/orders/{id}");
        OtlpTraceReceiver.Received call = only(spans, SpanKind.SPAN_KIND_CLIENT, "GET");
        OtlpTraceReceiver.Received stock = only(spans, SpanKind.SPAN_KIND_SERVER, "GET /" + CONTEXT + "/api/stock/{id}");
        assertEquals(caller, order.parentSpanId(), "continues the caller's trace");
        assertEquals(order.spanId(), call.parentSpanId(), "the call is made inside the order's span");
        assertEquals(call.spanId(), stock.parentSpanId(), "the stock request continues the call");
        assertEquals("/" + CONTEXT + "/api/orders/{id}", order.attributes().get("http.route"));
        assertEquals(TagHook.VALUE, order.attributes().get(TagHook.ATTRIBUTE), "the application's hook bean ran");
        assertEquals(TagHook.VALUE, stock.attributes().get(TagHook.ATTRIBUTE));
        assertTrue(response.body().contains("span " + order.spanId()), "the order's span is current in the resource: " + response.body());

        Thread.sleep(500);
        List<OtlpTraceReceiver.Received> all = RECEIVER.spans().stream().filter(span -> span.traceId().equals(trace)).toList();
        assertEquals(3, all.size(), "nothing traced twice (the server's own telemetry is off for this app): " + all);
    }

    @Test
    void excludedUrlHasNoSpan() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        assertEquals(200, get("api/health", "traceparent", "00-" + trace + "-b7ad6b7169203331-01").statusCode());
        // A traced request after it: once its span is in, the excluded one would be too.
        String after = "5b8aa5a2d2c872e8321cf37308d69df2";
        assertEquals(200, get("api/stock/3", "traceparent", "00-" + after + "-051581bf3cb55c13-01").statusCode());
        RECEIVER.await(1, span -> span.traceId().equals(after));
        Thread.sleep(500);
        assertEquals(List.of(), RECEIVER.spans().stream().filter(span -> span.traceId().equals(trace)).toList());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static OtlpTraceReceiver.Received only(List<OtlpTraceReceiver.Received> spans, SpanKind kind, String name) {
        List<OtlpTraceReceiver.Received> found = spans.stream().filter(s -> s.kind() == kind && s.name().equals(name)).toList();
        assertEquals(1, found.size(), kind + " " + name + " in " + spans);
        return found.get(0);
    }
}
