package io.github.otelcdi.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Every JUL record of the JVM at or above a level while open: what an operator would find in the server log. */
final class JulRecords extends Handler implements AutoCloseable {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private JulRecords(Level level) {
        setLevel(level);
        Logger.getLogger("").addHandler(this);
    }

    static JulRecords atLeast(Level level) {
        return new JulRecords(level);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** @return the records of otel-cdi's and OpenTelemetry's loggers */
    List<LogRecord> ours() {
        return records.stream().filter(r -> r.getLoggerName() != null
                && (r.getLoggerName().startsWith("io.github.otelcdi") || r.getLoggerName().startsWith("io.opentelemetry"))).toList();
    }

    /** @return all records */
    List<LogRecord> all() {
        return List.copyOf(records);
    }

    static String describe(List<LogRecord> records) {
        return records.stream().limit(5).map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + FORMATTER.formatMessage(r)
                + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList().toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
