package io.github.otelcdi.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The drop-in WAR on a server the OpenTelemetry Java agent is attached to (lane wildfly-agent; the
 * agent exports to this test's receiver, port {@value #RECEIVER_PORT}, as arquillian.xml says):
 * one pipeline, the agent's; one SERVER span per request, the agent's, named by otel-cdi's route
 * and carrying the hook's attribute; one CLIENT span per call (the agent's); nothing twice.
 */
@Tag("agent")
@ExtendWith(ArquillianExtension.class)
class JavaAgentIT {

    static final int RECEIVER_PORT = 18199;
    private static final String CONTEXT = "agentapp";
    private static final OtlpTraceReceiver RECEIVER = OtlpTraceReceiver.start(RECEIVER_PORT);
    // HTTP/1.1: the JDK client's h2c upgrade would give the agent's Undertow instrumentation a span of its own for the 101.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String OTEL_CDI_SCOPE = "io.github.otelcdi";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        // The application's own exporter settings, which otel-cdi does not use with the agent attached.
        return DropInArchive.of(CONTEXT, List.of(
                "otel.sdk.disabled=false",
                "otel.traces.exporter=otlp",
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.metrics.exporter=none",
                "otel.logs.exporter=none"), List.of());
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop();
    }

    @Test
    void theAgentsServerSpansAreNamedByOtelCdiWithOneClientSpanBetween() throws Exception {
        String trace = "6e0c63257de34c926f9efcd03899b00b";
        String caller = "1234567890abcdef";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve("api/orders/12"))
                .header("traceparent", "00-" + trace + "-" + caller + "-01").build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());

        List<OtlpTraceReceiver.Received> spans = RECEIVER.await(3, span -> span.traceId().equals(trace));
        OtlpTraceReceiver.Received order = only(spans, SpanKind.SPAN_KIND_SERVER, "GET /" + CONTEXT + "/api/orders/{id}");
        OtlpTraceReceiver.Received call = only(spans, SpanKind.SPAN_KIND_CLIENT, "GET");
        OtlpTraceReceiver.Received stock = only(spans, SpanKind.SPAN_KIND_SERVER, "GET /" + CONTEXT + "/api/stock/{id}");
        assertEquals(caller, order.parentSpanId());
        assertEquals(order.spanId(), call.parentSpanId());
        assertEquals(call.spanId(), stock.parentSpanId(), "the downstream continues the CLIENT span");
        assertNotEquals(OTEL_CDI_SCOPE, order.scope(), "the agent's SERVER span, not a second one");
        assertNotEquals(OTEL_CDI_SCOPE, call.scope(), "the agent's instrumentation of the connection");
        assertEquals("wildfly-agent", order.service(), "the agent's pipeline and resource");
        assertEquals("/" + CONTEXT + "/api/orders/{id}", order.attributes().get("http.route"));
        assertEquals(TagHook.VALUE, order.attributes().get(TagHook.ATTRIBUTE), "the application's hook bean ran on the agent's span");
        assertTrue(response.body().contains("span " + order.spanId()), "the agent's span is current in the resource: " + response.body());

        Thread.sleep(500);
        List<OtlpTraceReceiver.Received> all = RECEIVER.spans().stream().filter(span -> span.traceId().equals(trace)).toList();
        assertEquals(3, all.size(), "nothing traced twice: " + all);
    }

    private static OtlpTraceReceiver.Received only(List<OtlpTraceReceiver.Received> spans, SpanKind kind, String name) {
        List<OtlpTraceReceiver.Received> found = spans.stream().filter(s -> s.kind() == kind && s.name().equals(name)).toList();
        assertEquals(1, found.size(), kind + " " + name + " in " + spans);
        return found.get(0);
    }
}
