package io.github.otelcdi.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.BackendDownException;
import io.github.otelcdi.it.backends.OtlpConversions;
import io.github.otelcdi.it.backends.OtlpReceiver;
import io.github.otelcdi.it.backends.OtlpReceiver.Protocol;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Waiting;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * otel-cdi in an application the OpenTelemetry Java agent also traces ({@code -javaagent}, the
 * agent from the registry, in a JVM of its own): one pipeline (the agent's), one SERVER span per
 * request named by otel-cdi's route with the hooks' attributes and captured headers, one CLIENT span
 * per call (the agent's), one span per {@code @WithSpan} call, nothing exported twice and nothing by otel-cdi's own
 * exporter.
 */
@Tag("agent")
class JavaAgentTest {

    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> HOOK = AttributeKey.stringKey("test.request.early");
    private static final AttributeKey<List<String>> REQUEST_ID = AttributeKey.stringArrayKey("http.request.header.x-request-id");
    private static final AttributeKey<List<String>> CONTENT_TYPE = AttributeKey.stringArrayKey("http.response.header.content-type");
    /** The agent's instrumentations name their scope so; otel-cdi's is {@value #OTEL_CDI_SCOPE}. */
    private static final String AGENT_SCOPE_PREFIX = "io.opentelemetry.";
    private static final String OTEL_CDI_SCOPE = "io.github.otelcdi";
    /** The span id of the test's requests' caller. */
    private static final String CALLER = "00f067aa0ba902b7";

    private static OtlpReceiver agentReceiver;
    private static OtlpReceiver ownReceiver;
    private static AgentProcess app;

    @BeforeAll
    static void start() throws Exception {
        agentReceiver = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0);
        ownReceiver = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0);
        app = new AgentProcess(List.of(
                "otel.service.name=agent-app",
                "otel.traces.exporter=otlp",
                "otel.metrics.exporter=otlp",
                "otel.metric.export.interval=200",
                "otel.logs.exporter=none",
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.exporter.otlp.endpoint=" + agentReceiver.endpoint(),
                "otel.bsp.schedule.delay=20"), List.of(), ownReceiver.endpoint(), "");
        // The Rest Client of the chain app learns where its downstream is.
        assertEquals(200, Http.send("PUT", app.chain().resolve("downstream"), app.chain().toString(), "Content-Type", "text/plain").statusCode());
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            agentReceiver.close();
            ownReceiver.close();
        }
    }

    @Test
    void saysAtStartThatItJoinsTheAgentsPipeline() {
        assertTrue(app.output().contains("the OpenTelemetry Java agent 2.33.1 is attached; otel-cdi builds no SDK"), app.output());
    }

    @Test
    void theAgentsServerSpanIsNamedByTheRouteAndCarriesHooksAndHeaders() {
        String trace = newTrace();
        HttpResponse<String> response = Http.get(app.shop().resolve("api/orders/42"), "traceparent", traceparent(trace), "X-Request-Id", "r-42");
        assertEquals(200, response.statusCode());
        SpanData server = single(spans(trace, 1), SpanKind.SERVER);
        assertEquals("GET /" + AgentApp.SHOP + "/api/orders/{id}", server.getName(), "regex template shown as {id}");
        assertEquals("/" + AgentApp.SHOP + "/api/orders/{id}", server.getAttributes().get(ROUTE));
        assertTrue(server.getInstrumentationScopeInfo().getName().startsWith(AGENT_SCOPE_PREFIX),
                "the agent's span, not a second one: " + server.getInstrumentationScopeInfo());
        assertEquals("orders/42", server.getAttributes().get(HOOK));
        assertEquals(List.of("r-42"), server.getAttributes().get(REQUEST_ID));
        // Which type a runtime negotiates for a String without @Produces differs; the span says what the client got.
        assertEquals(List.of(response.headers().firstValue("Content-Type").orElseThrow()), server.getAttributes().get(CONTENT_TYPE));
        Waiting.until(() -> durationRoutes().contains("/" + AgentApp.SHOP + "/api/orders/{id}"), Duration.ofSeconds(20),
                "the agent's http.server.request.duration with otel-cdi's route; routes so far: " + durationRoutes());
    }

    @Test
    void theApplicationsExceptionIsRecordedOnTheAgentsSpan() {
        String trace = newTrace();
        assertEquals(502, Http.get(app.edge().resolve("edge/mapped-502"), "traceparent", traceparent(trace)).statusCode());
        SpanData server = single(spans(trace, 1), SpanKind.SERVER);
        assertEquals("GET /" + AgentApp.EDGE + "/edge/mapped-502", server.getName());
        assertTrue(server.getEvents().stream().anyMatch(e -> e.getName().equals("exception") && BackendDownException.class.getName()
                .equals(e.getAttributes().get(AttributeKey.stringKey("exception.type")))), server.getEvents().toString());
    }

    @Test
    void subResourceLocatorsAndInjectedTracerAsWithoutTheAgent() {
        String trace = newTrace();
        assertEquals(200, Http.get(app.shop().resolve("api/orders/7/items/3"), "traceparent", traceparent(trace)).statusCode());
        assertEquals("GET /" + AgentApp.SHOP + "/api/orders/{id}/items/{itemId}", single(spans(trace, 1), SpanKind.SERVER).getName());

        String traced = newTrace();
        String[] ids = Http.get(app.shop().resolve("api/tracing"), "traceparent", traceparent(traced)).body().split(",");
        List<SpanData> spans = spans(traced, 2);
        SpanData server = single(spans, SpanKind.SERVER);
        SpanData child = single(spans, SpanKind.INTERNAL);
        assertEquals(server.getSpanId(), ids[0], "the injected Span is the request's SERVER span");
        assertEquals(child.getSpanId(), ids[1]);
        assertEquals(server.getSpanId(), child.getParentSpanId());
    }

    @Test
    void oneClientSpanPerCallInTheSameTrace() {
        for (String path : List.of("front/sync/5", "front/async/6", "front/rx/7", "restfront/rest/8")) {
            String trace = newTrace();
            assertEquals(200, Http.get(app.chain().resolve(path), "traceparent", traceparent(trace)).statusCode(), path);
            List<SpanData> spans = spans(trace, 3);
            SpanData client = single(spans, SpanKind.CLIENT);
            List<SpanData> servers = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
            SpanData front = servers.stream().filter(s -> s.getParentSpanId().equals(CALLER)).findFirst().orElseThrow();
            SpanData back = servers.stream().filter(s -> s != front).findFirst().orElseThrow();
            assertEquals(front.getSpanId(), client.getParentSpanId(), path);
            assertEquals(client.getSpanId(), back.getParentSpanId(), path + ": the downstream continues otel-cdi's CLIENT span");
            assertTrue(client.getInstrumentationScopeInfo().getName().startsWith(AGENT_SCOPE_PREFIX),
                path + ": the agent's instrumentation of the connection: " + client.getInstrumentationScopeInfo());
            assertEquals("GET /" + AgentApp.CHAIN + "/back/{id}", back.getName(), path);
        }
    }

    @Test
    void clientCallsLeaveNoContextBehind() {
        // rx() only twice: the app closes that client in a callback of its own executor, which waits 5 s for itself.
        for (int i = 0; i < 10; i++) {
            for (String path : i < 2 ? List.of("front/async/" + i, "front/rx/" + i, "front/sync/" + i)
                    : List.of("front/async/" + i, "front/sync/" + i, "front/refused?port=" + closedPort())) {
                assertEquals(200, Http.get(app.chain().resolve(path)).statusCode(), path);
            }
        }
        for (int i = 0; i < 20; i++) {
            String trace = newTrace();
            assertEquals(200, Http.get(app.chain().resolve("back/" + i), "traceparent", traceparent(trace)).statusCode());
            assertEquals(CALLER, single(spans(trace, 1), SpanKind.SERVER).getParentSpanId(), "request " + i + " joined its caller only");
        }
    }

    @Test
    void oneSpanPerWithSpanCall() {
        String trace = newTrace();
        assertEquals("hello ada hello ada", Http.get(app.chain().resolve("front/greet"), "traceparent", traceparent(trace)).body());
        List<SpanData> spans = spans(trace, 2);
        SpanData server = single(spans, SpanKind.SERVER);
        SpanData greet = single(spans, SpanKind.INTERNAL);
        assertEquals("Greeter.greet", greet.getName());
        assertTrue(greet.getInstrumentationScopeInfo().getName().startsWith(AGENT_SCOPE_PREFIX),
                "the agent's annotation instrumentation, in the method, not otel-cdi's interceptor (" + OTEL_CDI_SCOPE + "): "
                        + greet.getInstrumentationScopeInfo());
        assertEquals("ada", greet.getAttributes().get(AttributeKey.stringKey("person")));
        assertEquals(server.getSpanId(), greet.getParentSpanId());
    }

    @Test
    void excludedUrlsKeepTheAgentsSpanAsTheAgentMadeIt() {
        String trace = newTrace();
        assertEquals(200, Http.get(app.shop().resolve("api/catalog/tea"), "traceparent", traceparent(trace), "X-Request-Id", "r-x").statusCode());
        SpanData server = single(spans(trace, 1), SpanKind.SERVER);
        assertNull(server.getAttributes().get(HOOK), "no hook ran");
        assertNull(server.getAttributes().get(REQUEST_ID), "otel-cdi captured nothing");
    }

    @Test
    void nothingIsExportedTwiceNorByOtelCdisOwnExporter() {
        String trace = newTrace();
        assertEquals(200, Http.get(app.chain().resolve("front/sync/9"), "traceparent", traceparent(trace)).statusCode());
        spans(trace, 3);
        Set<String> ids = new HashSet<>();
        for (SpanData span : all()) {
            assertTrue(ids.add(span.getTraceId() + span.getSpanId()), "exported twice: " + span);
        }
        assertEquals(0, ownReceiver.spans().size(), "otel-cdi built no SDK of its own");
    }

    /** @return a port nothing listens on: the call made to it fails without a response */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> durationRoutes() {
        return agentReceiver.metrics().stream().filter(m -> m.metric().getName().equals("http.server.request.duration"))
                .flatMap(m -> m.metric().getHistogram().getDataPointsList().stream())
                .map(p -> OtlpReceiver.attribute(p.getAttributesList(), ROUTE.getKey())).collect(Collectors.toSet());
    }

    private static String newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private static String traceparent(String trace) {
        return "00-" + trace + "-" + CALLER + "-01";
    }

    private static List<SpanData> all() {
        return agentReceiver.spans().stream().map(s -> OtlpConversions.span(s.resource(), s.scope(), s.span())).toList();
    }

    /** @return the trace's spans, once {@code expected} arrived and a while passed for any extra one */
    private static List<SpanData> spans(String trace, int expected) {
        Waiting.until(() -> trace(trace).size() >= expected, Duration.ofSeconds(20), expected + " spans of trace " + trace);
        Waiting.sleep(300);
        List<SpanData> spans = trace(trace);
        assertEquals(expected, spans.size(), () -> "spans of trace " + trace + ": " + spans.stream()
                .map(s -> s.getKind() + " " + s.getName() + " [" + s.getInstrumentationScopeInfo().getName() + "]")
                .collect(Collectors.joining(", ")) + "\n" + app.output());
        return spans;
    }

    private static List<SpanData> trace(String trace) {
        return all().stream().filter(s -> s.getTraceId().equals(trace)).toList();
    }

    private static SpanData single(List<SpanData> spans, SpanKind kind) {
        List<SpanData> of = spans.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, of.size(), () -> kind + " spans: " + of);
        return of.get(0);
    }

}
