package io.github.otelcdi.it.export;

import io.github.otelcdi.it.support.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The records one logger (and its children) published while open, with their messages formatted. */
final class CapturedLog extends Handler implements AutoCloseable {

    /** One captured record: its level and its message with the parameters filled in. */
    record Line(Level level, String message) {
        boolean atLeast(Level threshold) {
            return level.intValue() >= threshold.intValue();
        }

        @Override
        public String toString() {
            return level + " " + message;
        }
    }

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
    }

    /** Starts capturing what {@code name} and the loggers below it publish. */
    static CapturedLog of(String name) {
        CapturedLog log = new CapturedLog(Logger.getLogger(name));
        log.logger.addHandler(log);
        return log;
    }

    /** The otel-cdi loggers. */
    static CapturedLog otelCdi() {
        return of("io.github.otelcdi");
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(new Line(record.getLevel(), FORMATTER.formatMessage(record)));
    }

    List<Line> lines(Predicate<Line> filter) {
        return lines.stream().filter(filter).toList();
    }

    List<Line> atLeast(Level level) {
        return lines(line -> line.atLeast(level));
    }

    /** Waits for a line whose message contains {@code text}; fails after {@code timeout}. */
    Line await(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Line> found = lines(line -> line.message().contains(text));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line containing \"" + text + "\" within " + timeout + "; got " + lines);
            }
            Waiting.sleep(50);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
