package io.github.otelcdi.cdi.internal.logging;

import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.incubating.ThreadIncubatingAttributes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Hands one application's {@code java.util.logging} records to its OpenTelemetry SDK as log
 * records: body, severity, logger name (as the instrumentation scope), the current span's context,
 * the exception. Sits on the root logger from start-up to shutdown. The JUL log manager is shared by
 * every application of the JVM, so a record belongs to this application when it is logged on a
 * thread working for it (the thread's context class loader is the application's); two applications
 * each install their own bridge and neither exports the other's records.
 */
public final class JulLogBridge extends Handler {

    private static final Logger ROOT = Logger.getLogger("");
    // The SDK and its exporters log through JUL themselves; bridging them could feed a failing
    // exporter with reports of its own failures.
    private static final String OPENTELEMETRY_LOGGERS = "io.opentelemetry.";

    private final LoggerProvider loggers;
    private final ClassLoader application;
    private final Map<String, io.opentelemetry.api.logs.Logger> byName = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> emitting = new ThreadLocal<>();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Formatter messages = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private JulLogBridge(LoggerProvider loggers, ClassLoader application) {
        this.loggers = loggers;
        this.application = application;
    }

    /**
     * @param loggers the application's SDK logger provider
     * @param application the application's class loader
     * @return the bridge, already on the root logger
     */
    public static JulLogBridge install(LoggerProvider loggers, ClassLoader application) {
        JulLogBridge bridge = new JulLogBridge(loggers, application);
        ROOT.addHandler(bridge);
        return bridge;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || Thread.currentThread().getContextClassLoader() != application
                || emitting.get() != null || !isLoggable(record)) {
            return;
        }
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (name.startsWith(OPENTELEMETRY_LOGGERS)) {
            return;
        }
        emitting.set(Boolean.TRUE);
        try {
            emit(name, record);
        } catch (RuntimeException | LinkageError e) {
            // Through the handler's ErrorManager: logging from inside a log handler would recurse.
            if (warned.compareAndSet(false, true)) {
                reportError("otel-cdi could not hand a log record to OpenTelemetry; further failures are not reported",
                        e instanceof Exception exception ? exception : new IllegalStateException(e), ErrorManager.WRITE_FAILURE);
            }
        } finally {
            emitting.remove();
        }
    }

    private void emit(String name, LogRecord record) {
        LogRecordBuilder log = byName.computeIfAbsent(name, n -> loggers.loggerBuilder(n).build()).logRecordBuilder()
                .setTimestamp(record.getInstant())
                .setSeverity(JulSeverity.of(record.getLevel()))
                .setSeverityText(record.getLevel().getName())
                .setContext(Context.current())
                .setAttribute(ThreadIncubatingAttributes.THREAD_NAME, Thread.currentThread().getName())
                .setAttribute(ThreadIncubatingAttributes.THREAD_ID, record.getLongThreadID());
        String body = messages.formatMessage(record);
        if (body != null) {
            log.setBody(body);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            log.setAttribute(ExceptionAttributes.EXCEPTION_TYPE, thrown.getClass().getName());
            if (thrown.getMessage() != null) {
                log.setAttribute(ExceptionAttributes.EXCEPTION_MESSAGE, thrown.getMessage());
            }
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            log.setAttribute(ExceptionAttributes.EXCEPTION_STACKTRACE, trace.toString());
        }
        log.emit();
    }

    @Override
    public void flush() {
    }

    /** Takes the bridge off the root logger: after this, no record reaches the SDK. */
    @Override
    public void close() {
        ROOT.removeHandler(this);
        setLevel(Level.OFF);
    }
}
