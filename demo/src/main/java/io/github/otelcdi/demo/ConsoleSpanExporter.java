package io.github.otelcdi.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Prints each span as a short block a person can read; remembers the names for the self-driving check. */
final class ConsoleSpanExporter implements SpanExporter {

    /** Names of the spans printed so far in this JVM; the demo's self-check reads them. */
    static final ConcurrentLinkedQueue<String> PRINTED = new ConcurrentLinkedQueue<>();

    private final PrintStream out;

    ConsoleSpanExporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        StringBuilder text = new StringBuilder();
        for (SpanData span : spans) {
            double millis = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0;
            text.append(String.format("%n%-8s %s  (%.1f ms, status %s)%n", span.getKind(), span.getName(), millis,
                    span.getStatus().getStatusCode()));
            text.append("         trace ").append(span.getTraceId()).append("  span ").append(span.getSpanId())
                    .append("  parent ").append(span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-")
                    .append(System.lineSeparator());
            text.append("         service.name=").append(span.getResource().getAttribute(AttributeKey.stringKey("service.name")))
                    .append(System.lineSeparator());
            Map<String, Object> attributes = new TreeMap<>();
            span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
            attributes.forEach((key, value) -> text.append("         ").append(key).append('=').append(value)
                    .append(System.lineSeparator()));
            for (EventData event : span.getEvents()) {
                // The stack trace is recorded too; a console line shows what was thrown.
                String type = event.getAttributes().get(AttributeKey.stringKey("exception.type"));
                String message = event.getAttributes().get(AttributeKey.stringKey("exception.message"));
                text.append("         event ").append(event.getName())
                        .append(type == null ? "" : " " + type + ": " + message)
                        .append(System.lineSeparator());
            }
            PRINTED.add(span.getKind() + " " + span.getName());
        }
        out.print(text);
        out.flush();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
