package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.logs.LogsResource;
import io.github.otelcdi.it.apps.logs.ManagedGateFilter;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedLogs;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Lane;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServiceAttributes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Log lines that join the trace: ids in JUL lines (formatter), in SLF4J's MDC and Log4j 2's
 * ThreadContext for the request only, and JUL records exported as OpenTelemetry logs per application.
 */
@BehaviourTest
class LogsTest {

    private static final String EXCLUDED = "otel.instrumentation.http.server.excluded-urls=/logs/excluded/";

    @ArquillianResource
    @OperateOnDeployment("corr")
    private URL correlated;

    @ArquillianResource
    @OperateOnDeployment("no-corr")
    private URL uncorrelated;

    @ArquillianResource
    @OperateOnDeployment("logs-a")
    private URL first;

    @ArquillianResource
    @OperateOnDeployment("logs-b")
    private URL second;

    @Deployment(name = "corr", testable = false)
    static WebArchive correlated() {
        return Archives.logs("corr", Archives.TRACED, EXCLUDED);
    }

    @Deployment(name = "no-corr", testable = false)
    static WebArchive uncorrelated() {
        return Archives.logs("no-corr", Archives.TRACED, "otel.instrumentation.log-correlation.enabled=false");
    }

    @Deployment(name = "logs-a", testable = false)
    static WebArchive first() {
        return Archives.logs("logs-a", Archives.TRACED, Archives.LOGS_EXPORTED);
    }

    @Deployment(name = "logs-b", testable = false)
    static WebArchive second() {
        return Archives.logs("logs-b", Archives.TRACED, Archives.LOGS_EXPORTED);
    }

    @Test
    void eachLineCarriesItsOwnRequestsIdsAndNothingLeaksOntoTheNextRequest() {
        URI app = URI.create(correlated.toExternalForm());
        Http.get(app.resolve("logs/formatted"));
        Map<String, String> traceOfLabel = new HashMap<>();
        Map<String, Set<String>> labelsOfThread = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            String label = "r" + i;
            String[] seen;
            switch (i % 3) {
                case 0 -> {
                    String trace = randomHex(32);
                    traceOfLabel.put(label, trace);
                    seen = Http.get(app.resolve("logs/" + label), "traceparent", "00-" + trace + "-" + randomHex(16) + "-01")
                            .body().split(",");
                    assertEquals(trace, seen[0], "MDC trace_id of " + label);
                    assertEquals(trace, seen[2], "ThreadContext trace_id of " + label);
                }
                case 1 -> {
                    seen = Http.get(app.resolve("logs/async/" + label)).body().split(",");
                    traceOfLabel.put(label, seen[0]);
                    assertEquals(32, seen[0].length(), "MDC trace_id while the async method ran: " + seen[0]);
                }
                default -> {
                    seen = Http.get(app.resolve("logs/excluded/" + label)).body().split(",");
                    assertEquals("null", seen[0], "no trace_id in the MDC of an untraced request " + label);
                    assertEquals("null", seen[1]);
                    assertEquals("null", seen[2], "nor in the ThreadContext");
                    assertEquals("0000000000000000", seen[4], "no span left current on the thread");
                }
            }
            labelsOfThread.computeIfAbsent(seen[3], t -> new HashSet<>()).add(label);
        }
        List<String> formatted = List.of(Http.get(app.resolve("logs/formatted")).body().split("\\R"));
        // The 40 traced requests: named by their routes, not the formatter's own endpoint.
        CapturedSpans.await(40, s -> s.getKind() == SpanKind.SERVER && s.getName().contains("{label}"));

        // Span id and flags: the SDK marks the root spans it starts with W3C's "random" flag too (03).
        Map<String, String> spanOfTrace = new HashMap<>();
        for (SpanData span : CapturedSpans.all()) {
            spanOfTrace.put(span.getTraceId(), span.getSpanId() + " trace_flags=" + span.getSpanContext().getTraceFlags().asHex());
        }
        assertEquals(60, formatted.size(), "one line per request: " + formatted);
        for (String line : formatted) {
            String label = line.replaceAll("(?s).* (?:served|suspended|excluded) (r\\d+).*", "$1");
            String trace = traceOfLabel.get(label);
            if (trace == null) {
                assertFalse(line.contains("trace_id="), "a line outside any span has no ids: " + line);
            } else {
                assertTrue(line.contains(" trace_id=" + trace + " span_id=" + spanOfTrace.get(trace)),
                        "the line of " + label + " carries its request's SERVER span: " + line);
            }
        }
        if (Lane.virtualThreads()) {
            // A virtual thread per request, never reused: no request can find what an earlier one
            // left on its thread, and each of the 60 above started clean. That they really ran so:
            assertTrue(labelsOfThread.entrySet().stream().allMatch(e -> e.getKey().startsWith("request-vt-") && e.getValue().size() == 1),
                    "each request on a virtual thread of its own: " + labelsOfThread);
            return;
        }
        // A server with a large, warm pool (Payara after the load tests) may have served all 60 on
        // threads of their own: untraced requests then go on until one lands on a thread that
        // served before, and find nothing left on it.
        for (int probe = 0; probe < 1000 && labelsOfThread.values().stream().noneMatch(labels -> labels.size() > 1); probe++) {
            String label = "p" + probe;
            String[] seen = Http.get(app.resolve("logs/excluded/" + label)).body().split(",");
            assertEquals("null", seen[0], "no trace_id in the MDC of " + label + " on " + seen[3]);
            assertEquals("null", seen[2], "nor in the ThreadContext");
            assertEquals("0000000000000000", seen[4], "no span left current on " + seen[3]);
            labelsOfThread.computeIfAbsent(seen[3], t -> new HashSet<>()).add(label);
        }
        assertTrue(labelsOfThread.values().stream().anyMatch(labels -> labels.size() > 1),
                "some pooled thread served several requests: " + labelsOfThread);
    }

    @Test
    void aMethodOnJerseysExecutorOrAnsweringInItsOwnScopeHasItsSpanAndLeavesNothingBehind() {
        URI app = URI.create(correlated.toExternalForm());
        Http.get(app.resolve("logs/formatted"));
        Set<String> methodThreads = new HashSet<>();
        // And methods answering from inside a scope of their own before they return, on the request thread.
        Set<String> inlineThreads = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String trace = randomHex(32);
            String[] seen = Http.get(app.resolve("logs/managed/m" + i), "traceparent", "00-" + trace + "-" + randomHex(16) + "-01")
                    .body().split(",");
            assertEquals(trace, seen[0], "MDC trace_id while the method ran on " + seen[3]);
            assertEquals(trace, seen[2], "ThreadContext trace_id while the method ran on " + seen[3]);
            SpanData server = CapturedSpans.await(1, s -> s.getTraceId().equals(trace)).get(0);
            assertEquals(server.getSpanId(), seen[4], "the SERVER span current in the method");
            methodThreads.add(seen[3]);

            String inlineTrace = randomHex(32);
            String[] inline = Http.get(app.resolve("logs/inline/i" + i), "traceparent", "00-" + inlineTrace + "-" + randomHex(16) + "-01")
                    .body().split(",");
            assertEquals(inlineTrace, inline[0], "MDC trace_id while the method answered on " + inline[3]);
            inlineThreads.add(inline[3]);
        }
        // The request threads went back to their pool before the methods ran, the executor's threads
        // once they returned: whichever of them serves the next requests must find nothing left.
        Map<String, Set<String>> labelsOfThread = new HashMap<>();
        boolean methodThreadAgain = false;
        // (A virtual thread per request is never reused: then the first 20 are all there is to check.)
        for (int probe = 0; probe < 20 || !Lane.virtualThreads() && probe < 1000
                && (!methodThreadAgain || inlineThreads.stream().noneMatch(labelsOfThread::containsKey)); probe++) {
            String label = "e" + probe;
            String[] seen = Http.get(app.resolve("logs/excluded/" + label)).body().split(",");
            assertNothingLeft(label, seen);
            labelsOfThread.computeIfAbsent(seen[3], t -> new HashSet<>()).add(label);
            String[] onMethodThread = Http.get(app.resolve("logs/excluded/managed/" + label)).body().split(",");
            assertNothingLeft("managed " + label, onMethodThread);
            methodThreadAgain |= methodThreads.contains(onMethodThread[3]);
        }
        if (Lane.virtualThreads()) {
            return;
        }
        assertTrue(methodThreadAgain, "a thread that ran a traced method ran an untraced one later: " + methodThreads);
        assertTrue(inlineThreads.stream().anyMatch(labelsOfThread::containsKey),
                "a request thread that answered from inside a method's scope served an untraced request later: " + inlineThreads);
        if (Lane.current().jersey()) {
            assertTrue(methodThreads.stream().noneMatch(labelsOfThread::containsKey),
                    "Jersey ran the methods on threads other than the request threads " + labelsOfThread.keySet() + ": " + methodThreads);
        }
    }

    @Test
    void aFilterThatStopsARequestForAMethodJerseyRunsOnItsExecutorLeavesTheSpanCurrentToTheEnd() {
        URI app = URI.create(correlated.toExternalForm());
        Http.get(app.resolve("logs/formatted"));
        for (String[] outcome : new String[][] {{"closed", "403"}, {"broken", "503"}}) {
            String trace = randomHex(32);
            HttpResponse<String> response = Http.get(app.resolve("logs/managed/" + outcome[0]),
                    "traceparent", "00-" + trace + "-" + randomHex(16) + "-01");
            assertEquals(Integer.parseInt(outcome[1]), response.statusCode(), outcome[0]);
            SpanData server = CapturedSpans.await(1, s -> s.getTraceId().equals(trace)).get(0);
            assertEquals(Long.parseLong(outcome[1]), server.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
            String[] seen = response.headers().firstValue(ManagedGateFilter.SEEN).orElseThrow().split(",");
            if (Lane.current().jersey()) {
                // The method never runs: the response is made on the request thread, the span current
                // there until the exchange ends, as for any other method (other runtimes differ).
                assertEquals(trace, seen[0], "MDC trace_id in the response filter of the " + outcome[0] + " request");
                assertEquals(server.getSpanId(), seen[4], "the SERVER span current in the response filter");
            }
        }
    }

    private static void assertNothingLeft(String label, String[] seen) {
        assertEquals("null", seen[0], "no trace_id in the MDC of " + label + " on " + seen[3]);
        assertEquals("null", seen[2], "nor in the ThreadContext");
        assertEquals("0000000000000000", seen[4], "no span left current on " + seen[3]);
    }

    @Test
    void correlationCanBeSwitchedOff() {
        String[] seen = Http.get(URI.create(uncorrelated.toExternalForm()).resolve("logs/x"), "traceparent",
                "00-" + randomHex(32) + "-" + randomHex(16) + "-01").body().split(",");
        assertEquals("null", seen[0]);
        assertEquals("null", seen[2]);
    }

    @Test
    void julRecordsAreExportedWithTheirSpanPerApplication() {
        String trace = randomHex(32);
        Http.get(URI.create(first.toExternalForm()).resolve("logs/a1"), "traceparent", "00-" + trace + "-" + randomHex(16) + "-01");
        Http.get(URI.create(first.toExternalForm()).resolve("logs/failing/a2"));
        Http.get(URI.create(second.toExternalForm()).resolve("logs/b1"));

        SpanData server = CapturedSpans.await(1, s -> s.getTraceId().equals(trace)).get(0);
        LogRecordData served = CapturedLogs.await(1, CapturedLogs.body("served a1")).get(0);
        assertEquals(trace, served.getSpanContext().getTraceId());
        assertEquals(server.getSpanId(), served.getSpanContext().getSpanId());
        assertEquals(Severity.INFO, served.getSeverity());
        assertEquals("INFO", served.getSeverityText());
        assertEquals(LogsResource.LOGGER, served.getInstrumentationScopeInfo().getName());
        assertEquals("logs-a", served.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));

        LogRecordData failed = CapturedLogs.await(1, CapturedLogs.body("failed a2")).get(0);
        assertEquals(Severity.ERROR, failed.getSeverity());
        assertEquals(IllegalStateException.class.getName(), failed.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE));
        assertEquals("stock exhausted", failed.getAttributes().get(ExceptionAttributes.EXCEPTION_MESSAGE));
        assertTrue(failed.getAttributes().get(ExceptionAttributes.EXCEPTION_STACKTRACE).contains("LogsResource.failing"));
        assertTrue(failed.getSpanContext().isValid(), "logged inside its request's span");

        LogRecordData other = CapturedLogs.await(1, CapturedLogs.body("served b1")).get(0);
        assertEquals("logs-b", other.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
        for (String body : List.of("served a1", "failed a2", "served b1")) {
            assertEquals(1, CapturedLogs.exported(CapturedLogs.body(body)).size(), body + " exported once, by its own application");
        }
        assertNull(other.getAttributes().get(AttributeKey.stringKey("exception.type")));
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
