package io.github.otelcdi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.github.otelcdi.testing.MemoryExporters;
import io.github.otelcdi.testing.RecordedTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * 1,200 generated malformed or adversarial requests (seed: system property
 * {@code reliability.hostile.seed}), sent first to the application with the SDK disabled, then to
 * the same application traced with header capture on: every answer is the same with and without
 * otel-cdi (so no 5xx is ours), otel-cdi and OpenTelemetry log nothing, and every recorded span stays
 * within the SDK's attribute limits.
 */
class HostileInputTest {

    private static final long SEED = Long.getLong("reliability.hostile.seed", 20261121L);
    private static final int PER_CATEGORY = 200;
    private static final int VALUE_LIMIT = 512;
    private static final int COUNT_LIMIT = 64;
    private static final String CONTEXT = "hostile";
    // No input makes the server wait (RawHttp.STILL_WAITING costs 3 s): a different answer would show.

    @Test
    void otelCdiChangesNoAnswerLogsNothingAndKeepsSpansBounded() throws Exception {
        List<HostileInputs.Input> inputs = new HostileInputs(SEED, "/" + CONTEXT + "/api/").generate(PER_CATEGORY);

        int[] untraced;
        List<String> otherLogBaseline;
        try (JulRecords log = JulRecords.atLeast(Level.INFO);
                WebArchiveDeployment app = WebArchiveDeployment.deploy(Deployments.app(CONTEXT, "otel.sdk.disabled=true"))) {
            untraced = send(app.applicationUri(), inputs);
            otherLogBaseline = log.all().stream().map(r -> r.getLoggerName()).toList();
        }
        int[] traced;
        List<String> ours;
        int otherLog;
        long started = System.nanoTime();
        RecordedTelemetry recorded;
        try (JulRecords log = JulRecords.atLeast(Level.INFO);
                WebArchiveDeployment app = WebArchiveDeployment.deploy(Deployments.app(CONTEXT, Deployments.traced(CONTEXT, MemoryExporters.NAME),
                        "otel.instrumentation.http.server.capture-request-headers=x-evil,user-agent,traceparent,tracestate,baggage",
                        "otel.instrumentation.http.server.capture-response-headers=content-type",
                        "otel.instrumentation.http.server.excluded-urls=/api/soak/health$",
                        "otel.instrumentation.http.server.untrusted-context-urls=/api/soak/stage/",
                        "otel.attribute.value.length.limit=" + VALUE_LIMIT,
                        "otel.attribute.count.limit=" + COUNT_LIMIT))) {
            recorded = RecordedTelemetry.ofApplication(app.classLoader());
            traced = send(app.applicationUri(), inputs);
            Pause.millis(500);
            ours = log.ours().stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
            otherLog = log.all().size() - log.ours().size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<String> differences = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int serverErrors = 0;
        for (int i = 0; i < inputs.size(); i++) {
            statuses.merge(String.valueOf(traced[i]), 1, Integer::sum);
            serverErrors += traced[i] >= 500 ? 1 : 0;
            if (traced[i] != untraced[i] && differences.size() < 10) {
                differences.add(inputs.get(i).category() + ": " + untraced[i] + " untraced, " + traced[i] + " traced, request "
                        + printable(inputs.get(i).request()));
            }
        }
        List<SpanData> spans = recorded.spans().stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        List<String> unbounded = new ArrayList<>();
        int longestValue = 0;
        int mostAttributes = 0;
        int captured = 0;
        for (SpanData span : spans) {
            captured += span.getAttributes().asMap().keySet().stream().anyMatch(key -> key.getKey().startsWith("http.request.header.")) ? 1 : 0;
            mostAttributes = Math.max(mostAttributes, span.getAttributes().size());
            longestValue = Math.max(longestValue, longest(span.getAttributes()));
            for (EventData event : span.getEvents()) {
                longestValue = Math.max(longestValue, longest(event.getAttributes()));
            }
            if (span.getAttributes().size() > COUNT_LIMIT || longest(span.getAttributes()) > VALUE_LIMIT) {
                unbounded.add(span.getName() + " " + span.getAttributes().size() + " attributes");
            }
        }
        Figures.print("hostile input", String.format("%,d inputs (seed %d; 6 categories x %d: traceparent, tracestate, "
                        + "baggage, header bytes, method, path) in %.1f s; answers %s (5xx: %d, from the failing endpoint and bad HTTP versions); "
                        + "answers differing from untraced %d; log records from otel-cdi/OpenTelemetry %d (others: %d traced, %d untraced); "
                        + "%,d SERVER spans (%,d with hostile header values captured), at most %d attributes (limit %d), longest value %d chars (limit %d)",
                inputs.size(), SEED, PER_CATEGORY, seconds, statuses, serverErrors, differences.size(), ours.size(), otherLog,
                otherLogBaseline.size(), spans.size(), captured, mostAttributes, COUNT_LIMIT, longestValue, VALUE_LIMIT));

        assertEquals(List.of(), differences, "otel-cdi changed answers");
        assertEquals(List.of(), ours, "otel-cdi and OpenTelemetry log nothing about hostile requests");
        assertEquals(List.of(), unbounded, "spans within the SDK's limits");
        assertTrue(spans.size() > inputs.size() / 3, "most requests reached the application: " + spans.size());
        assertTrue(captured > inputs.size() / 3, "hostile header values went through header capture: " + captured);
    }

    private static int[] send(URI application, List<HostileInputs.Input> inputs) throws Exception {
        int[] statuses = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            statuses[i] = RawHttp.status(application, inputs.get(i).request());
        }
        return statuses;
    }

    private static int longest(Attributes attributes) {
        int longest = 0;
        for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
            Object value = entry.getValue();
            if (value instanceof String text) {
                longest = Math.max(longest, text.length());
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    longest = Math.max(longest, String.valueOf(item).length());
                }
            }
        }
        return longest;
    }

    private static String printable(String request) {
        String head = request.length() > 160 ? request.substring(0, 160) + "..." : request;
        StringBuilder printable = new StringBuilder();
        for (char c : head.toCharArray()) {
            printable.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return printable.toString();
    }
}
