package io.github.otelcdi.logging;

/**
 * The keys under which the current span's ids appear in log lines and in the logging frameworks'
 * context maps (SLF4J's MDC, Log4j 2's ThreadContext): the OpenTelemetry Java agent's keys, so a
 * log pattern such as {@code %X{trace_id}} works with either.
 */
public final class CorrelationKeys {

    /** 32 lower-case hex digits. */
    public static final String TRACE_ID = "trace_id";
    /** 16 lower-case hex digits. */
    public static final String SPAN_ID = "span_id";
    /** 2 hex digits, {@code 01} when sampled. */
    public static final String TRACE_FLAGS = "trace_flags";

    private CorrelationKeys() {
    }
}
