package io.github.otelcdi.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.IllegalFormatException;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} formatter that adds the current span's {@code trace_id},
 * {@code span_id} and {@code trace_flags} to each line, so a line written while a request is
 * served can be found from its trace. One line of {@code logging.properties} turns it on:
 *
 * <pre>
 * java.util.logging.ConsoleHandler.formatter=io.github.otelcdi.logging.TraceContextFormatter
 * </pre>
 *
 * <p>The line layout is a {@link String#format} pattern, read from the log manager property
 * {@code io.github.otelcdi.logging.TraceContextFormatter.format}, with the arguments of
 * {@link java.util.logging.SimpleFormatter} (1 date, 2 source, 3 logger, 4 level, 5 message,
 * 6 thrown) and four more: 7 {@code trace_id}, 8 {@code span_id}, 9 {@code trace_flags} (empty when
 * no span is current) and 10 all three as {@code " trace_id=… span_id=… trace_flags=…"} (empty when
 * no span is current). The default is {@value #DEFAULT_FORMAT}.
 *
 * <p>The span is the one current on the thread that formats, which for JUL's own handlers
 * ({@code ConsoleHandler}, {@code FileHandler}) is the thread that logged.
 */
public class TraceContextFormatter extends Formatter {

    /** {@code 2026-11-21 10:15:30.123 INFO    [com.acme.Orders] order 42 shipped trace_id=… span_id=… trace_flags=01} */
    public static final String DEFAULT_FORMAT = "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%10$s%6$s%n";

    private final String format;

    /** Reads the format from the log manager, falling back to {@link #DEFAULT_FORMAT} when it is unset or invalid. */
    public TraceContextFormatter() {
        this(LogManager.getLogManager().getProperty(TraceContextFormatter.class.getName() + ".format"));
    }

    /** @param format the line pattern; {@code null} or an invalid pattern gives {@link #DEFAULT_FORMAT} */
    public TraceContextFormatter(String format) {
        this.format = valid(format) ? format : DEFAULT_FORMAT;
    }

    private static boolean valid(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        try {
            String.format(format, ZonedDateTime.now(), "", "", "", "", "", "", "", "", "");
            return true;
        } catch (IllegalFormatException e) {
            return false;
        }
    }

    @Override
    public String format(LogRecord record) {
        ZonedDateTime time = ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
        String source = record.getSourceClassName() == null ? record.getLoggerName()
                : record.getSourceClassName() + (record.getSourceMethodName() == null ? "" : " " + record.getSourceMethodName());
        String thrown = "";
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            PrintWriter out = new PrintWriter(trace);
            out.println();
            record.getThrown().printStackTrace(out);
            out.close();
            thrown = trace.toString();
        }
        SpanContext span = Span.current().getSpanContext();
        String traceId = "";
        String spanId = "";
        String flags = "";
        String all = "";
        if (span.isValid()) {
            traceId = span.getTraceId();
            spanId = span.getSpanId();
            flags = span.getTraceFlags().asHex();
            all = " " + CorrelationKeys.TRACE_ID + "=" + traceId + " " + CorrelationKeys.SPAN_ID + "=" + spanId
                    + " " + CorrelationKeys.TRACE_FLAGS + "=" + flags;
        }
        return String.format(format, time, source, record.getLoggerName(), record.getLevel().getLocalizedName(),
                formatMessage(record), thrown, traceId, spanId, flags, all);
    }
}
