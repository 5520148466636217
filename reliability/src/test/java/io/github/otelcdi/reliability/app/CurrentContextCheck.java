package io.github.otelcdi.reliability.app;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What a resource method sees as the current span, checked against the {@code traceparent} the
 * client sent: the answer is {@code ok} or {@code leak: ...}, so a context left behind by another
 * request on this thread shows up in the response.
 */
final class CurrentContextCheck {

    private CurrentContextCheck() {
    }

    /** For a traced request: the current span is this request's SERVER span, child of the caller's or a root. */
    static String traced(HttpHeaders headers) {
        String traceparent = headers.getHeaderString("traceparent");
        Span span = Span.current();
        if (!(span instanceof ReadableSpan readable) || readable.hasEnded()) {
            return "leak: no live SDK span current, got " + span;
        }
        SpanContext parent = readable.getParentSpanContext();
        if (traceparent == null) {
            return parent.isValid() ? "leak: parent " + parent.getSpanId() + " without a traceparent" : "ok";
        }
        String[] fields = traceparent.split("-");
        boolean child = parent.isRemote() && parent.getTraceId().equals(fields[1]) && parent.getSpanId().equals(fields[2]);
        return child ? "ok" : "leak: parent " + parent + " for traceparent " + traceparent;
    }

    /** For an excluded request: no span at all, only the caller's context when it sent one. */
    static String excluded(HttpHeaders headers) {
        String traceparent = headers.getHeaderString("traceparent");
        SpanContext current = Span.current().getSpanContext();
        if (traceparent == null) {
            return current.isValid() ? "leak: " + current + " current on an excluded request" : "ok";
        }
        boolean callers = current.isRemote() && current.getTraceId().equals(traceparent.split("-")[1]);
        return callers ? "ok" : "leak: " + current + " instead of the caller's " + traceparent;
    }
}
