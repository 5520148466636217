package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.instrumentation.http.server.untrusted-context-urls}: a public endpoint starts its own
 * trace, linked to what the caller sent, and drops the caller's baggage; other paths continue it.
 */
@BehaviourTest
class UntrustedContextTest {

    private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive shop() {
        return Archives.shop("untrusted", Archives.TRACED, "otel.instrumentation.http.server.untrusted-context-urls=/api/tracing$");
    }

    private URI api(String path) {
        return URI.create(context.toExternalForm()).resolve("api/" + path);
    }

    @Test
    void publicEndpointStartsANewTraceLinkedToTheCallersSpan() {
        String body = Http.get(api("tracing"), "traceparent", traceparent("01"),
                "tracestate", "vendor=forged", "baggage", "user=mallory").body();

        SpanData span = server("/tracing");
        assertNotEquals(CALLER_TRACE, span.getTraceId(), "the caller's trace is not continued");
        assertFalse(span.getParentSpanContext().isValid(), "a root span");
        List<LinkData> links = span.getLinks();
        assertEquals(1, links.size());
        SpanContext linked = links.get(0).getSpanContext();
        assertEquals(CALLER_TRACE, linked.getTraceId());
        assertEquals(CALLER_SPAN, linked.getSpanId());
        assertTrue(linked.isRemote());
        assertTrue(span.getSpanContext().getTraceState().isEmpty(), "the caller's tracestate is dropped");
        assertTrue(body.endsWith(",null"), "the caller's baggage is not visible: " + body);
        assertEquals(span.getSpanId(), body.split(",")[0], "the resource ran in the new span");
    }

    @Test
    void callerCannotSwitchSamplingOffOnAPublicEndpoint() {
        Http.get(api("tracing"), "traceparent", traceparent("00"));
        SpanData span = server("/tracing");
        assertTrue(span.getSpanContext().isSampled(), "the root sampler decided, not the caller's flag");
        assertEquals(CALLER_SPAN, span.getLinks().get(0).getSpanContext().getSpanId());
    }

    @Test
    void withoutCallerContextThereIsNoLink() {
        Http.get(api("tracing"), "traceparent", "garbage");
        SpanData span = server("/tracing");
        assertFalse(span.getParentSpanContext().isValid());
        assertEquals(List.of(), span.getLinks());
    }

    @Test
    void otherPathsStillContinueTheCallersTraceAndBaggage() {
        Http.get(api("orders/4"), "traceparent", traceparent("01"), "baggage", "user=alice");
        SpanData span = server("/orders/{id}");
        assertEquals(CALLER_TRACE, span.getTraceId());
        assertEquals(CALLER_SPAN, span.getParentSpanId());
        assertEquals(List.of(), span.getLinks());
    }

    private static SpanData server(String routeSuffix) {
        return CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith(routeSuffix)).get(0);
    }

    private static String traceparent(String flags) {
        return "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-" + flags;
    }
}
