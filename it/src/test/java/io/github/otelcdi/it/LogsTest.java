package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.logs.LogsResource;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.github.otelcdi.logging.TraceContextFormatter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Log lines that join the trace: ids in JUL lines (formatter), in SLF4J's MDC and Log4j 2's
 * ThreadContext for the request only, JUL records exported as OpenTelemetry logs per application,
 * and nothing of ours left on any logger afterwards.
 */
class LogsTest {

    private static final String EXCLUDED = "otel.instrumentation.http.server.excluded-urls=/logs/excluded/";

    @BeforeEach
    void clear() {
        CapturedSpans.clearWhenQuiet();
        InMemoryLogRecordExporterProvider.clear();
    }

    @Test
    void eachLineCarriesItsOwnRequestsIdsAndNothingLeaksOntoTheNextRequest() {
        List<String> formatted = Collections.synchronizedList(new ArrayList<>());
        Handler formatting = new Handler() {
            private final TraceContextFormatter formatter = new TraceContextFormatter((String) null);

            @Override
            public void publish(LogRecord record) {
                formatted.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LogsResource.LOGGER);
        logger.addHandler(formatting);
        Map<String, String> traceOfLabel = new HashMap<>();
        Map<String, Set<String>> labelsOfThread = new HashMap<>();
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.logs("corr", Archives.TRACED, EXCLUDED))) {
            for (int i = 0; i < 60; i++) {
                String label = "r" + i;
                String[] seen;
                switch (i % 3) {
                    case 0 -> {
                        String trace = randomHex(32);
                        traceOfLabel.put(label, trace);
                        seen = Http.get(app.contextUri().resolve("logs/" + label),
                                "traceparent", "00-" + trace + "-" + randomHex(16) + "-01").body().split(",");
                        assertEquals(trace, seen[0], "MDC trace_id of " + label);
                        assertEquals(trace, seen[2], "ThreadContext trace_id of " + label);
                    }
                    case 1 -> {
                        seen = Http.get(app.contextUri().resolve("logs/async/" + label)).body().split(",");
                        traceOfLabel.put(label, seen[0]);
                        assertEquals(32, seen[0].length(), "MDC trace_id while the async method ran: " + seen[0]);
                    }
                    default -> {
                        seen = Http.get(app.contextUri().resolve("logs/excluded/" + label)).body().split(",");
                        assertEquals("null", seen[0], "no trace_id in the MDC of an untraced request " + label);
                        assertEquals("null", seen[1]);
                        assertEquals("null", seen[2], "nor in the ThreadContext");
                        assertEquals("0000000000000000", seen[4], "no span left current on the thread");
                    }
                }
                labelsOfThread.computeIfAbsent(seen[3], t -> new java.util.HashSet<>()).add(label);
            }
            CapturedSpans.await(40, s -> s.getKind() == SpanKind.SERVER);
        } finally {
            logger.removeHandler(formatting);
        }
        assertTrue(labelsOfThread.values().stream().anyMatch(labels -> labels.size() > 1),
                "some pooled thread served several requests: " + labelsOfThread);

        Map<String, String> spanOfTrace = new HashMap<>();
        for (SpanData span : CapturedSpans.all().stream().map(CapturedSpans.Exported::span).toList()) {
            spanOfTrace.put(span.getTraceId(), span.getSpanId());
        }
        assertEquals(60, formatted.size(), "one line per request");
        for (String line : formatted) {
            String label = line.replaceAll("(?s).* (?:served|suspended|excluded) (r\\d+).*", "$1");
            String trace = traceOfLabel.get(label);
            if (trace == null) {
                assertFalse(line.contains("trace_id="), "a line outside any span has no ids: " + line);
            } else {
                assertTrue(line.contains(" trace_id=" + trace + " span_id=" + spanOfTrace.get(trace) + " trace_flags=01"),
                        "the line of " + label + " carries its request's SERVER span: " + line);
            }
        }
    }

    @Test
    void correlationCanBeSwitchedOff() {
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.logs("no-corr", Archives.TRACED,
                "otel.instrumentation.log-correlation.enabled=false"))) {
            String[] seen = Http.get(app.contextUri().resolve("logs/x"), "traceparent",
                    "00-" + randomHex(32) + "-" + randomHex(16) + "-01").body().split(",");
            assertEquals("null", seen[0]);
            assertEquals("null", seen[2]);
        }
    }

    @Test
    void julRecordsAreExportedWithTheirSpanPerApplicationAndTheBridgeLeavesWithIt() {
        String trace = randomHex(32);
        try (WebArchiveDeployment first = WebArchiveDeployment.deploy(Archives.logs("logs-a", Archives.TRACED,
                "otel.logs.exporter=inmemory", "otel.blrp.schedule.delay=20", "otel.service.name=logs-a"));
             WebArchiveDeployment second = WebArchiveDeployment.deploy(Archives.logs("logs-b", Archives.TRACED,
                     "otel.logs.exporter=inmemory", "otel.blrp.schedule.delay=20", "otel.service.name=logs-b"))) {
            assertEquals(2, bridges(), "one bridge per application");
            Http.get(first.contextUri().resolve("logs/a1"), "traceparent", "00-" + trace + "-" + randomHex(16) + "-01");
            Http.get(first.contextUri().resolve("logs/failing/a2"));
            Http.get(second.contextUri().resolve("logs/b1"));

            SpanData server = CapturedSpans.await(1, s -> s.getTraceId().equals(trace)).get(0);
            LogRecordData served = InMemoryLogRecordExporterProvider.await(1, r -> r.getBodyValue() != null
                    && r.getBodyValue().asString().equals("served a1")).get(0);
            assertEquals(trace, served.getSpanContext().getTraceId());
            assertEquals(server.getSpanId(), served.getSpanContext().getSpanId());
            assertEquals(Severity.INFO, served.getSeverity());
            assertEquals("INFO", served.getSeverityText());
            assertEquals(LogsResource.LOGGER, served.getInstrumentationScopeInfo().getName());
            assertEquals("logs-a", served.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));

            LogRecordData failed = InMemoryLogRecordExporterProvider.await(1, r -> r.getBodyValue() != null
                    && r.getBodyValue().asString().equals("failed a2")).get(0);
            assertEquals(Severity.ERROR, failed.getSeverity());
            assertEquals(IllegalStateException.class.getName(), failed.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE));
            assertEquals("stock exhausted", failed.getAttributes().get(ExceptionAttributes.EXCEPTION_MESSAGE));
            assertTrue(failed.getAttributes().get(ExceptionAttributes.EXCEPTION_STACKTRACE).contains("LogsResource.failing"));
            assertTrue(failed.getSpanContext().isValid(), "logged inside its request's span");

            LogRecordData other = InMemoryLogRecordExporterProvider.await(1, r -> r.getBodyValue() != null
                    && r.getBodyValue().asString().equals("served b1")).get(0);
            assertEquals("logs-b", other.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
            for (String body : List.of("served a1", "failed a2", "served b1")) {
                assertEquals(1, InMemoryLogRecordExporterProvider.exported(r -> r.getBodyValue() != null
                        && r.getBodyValue().asString().equals(body)).size(), body + " exported once, by its own application");
            }
            assertNull(other.getAttributes().get(AttributeKey.stringKey("exception.type")));
        }
        assertEquals(0, bridges(), "no handler of ours left on any logger");
    }

    /** Handlers of otel-cdi's own classes on any logger of the JVM. */
    private static long bridges() {
        long found = 0;
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger == null) {
                continue;
            }
            for (Handler handler : logger.getHandlers()) {
                if (handler.getClass().getName().startsWith("io.github.otelcdi.cdi.")) {
                    found++;
                }
            }
        }
        return found;
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
