package io.github.otelcdi.it.apps.work;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.logging.Logger;
import org.slf4j.MDC;

/**
 * What a task handed to another thread does and reports: starts a span of its own (named after
 * the task), writes a log line, and answers {@code <span id current when it started>,<MDC trace_id>}
 * ({@code none} / {@code -} when there was none).
 */
public final class TaskProbe {

    private static final Logger LOG = Logger.getLogger(TaskProbe.class.getName());

    private TaskProbe() {
    }

    /**
     * @param tracer the application's tracer
     * @param task the name of the task's own span
     * @return what the task saw
     */
    public static String run(Tracer tracer, String task) {
        SpanContext found = Span.current().getSpanContext();
        String traceIdInLogs = MDC.get("trace_id");
        Span own = tracer.spanBuilder(task).startSpan();
        try (Scope ignored = own.makeCurrent()) {
            LOG.info("task " + task + " on " + Thread.currentThread().getName());
        } finally {
            own.end();
        }
        return (found.isValid() ? found.getSpanId() : "none") + "," + (traceIdInLogs == null ? "-" : traceIdInLogs);
    }
}
