package io.github.otelcdi.it.support;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The log records the applications under test exported (over OTLP, to {@link Telemetry}'s receiver). */
public final class CapturedLogs {

    private static final List<LogRecordData> LOGS = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
    }

    static void add(LogRecordData log) {
        LOGS.add(log);
    }

    public static void clear() {
        LOGS.clear();
    }

    /** @return every record received since the last clear */
    public static List<LogRecordData> all() {
        return new ArrayList<>(LOGS);
    }

    /** @return the records received so far that match */
    public static List<LogRecordData> exported(Predicate<LogRecordData> filter) {
        return LOGS.stream().filter(filter).toList();
    }

    /** Waits until {@code count} records match; fails after 20 s. */
    public static List<LogRecordData> await(int count, Predicate<LogRecordData> filter) {
        Waiting.until(() -> exported(filter).size() >= count, Duration.ofSeconds(20), count + " log records, got " + all());
        return exported(filter);
    }

    /** @return a filter for records whose body is exactly {@code text} */
    public static Predicate<LogRecordData> body(String text) {
        return log -> log.getBodyValue() != null && text.equals(log.getBodyValue().asString());
    }
}
