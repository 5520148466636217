package io.github.otelcdi.it.support;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The spans the applications under test exported (over OTLP, to {@link Telemetry}'s receiver). */
public final class CapturedSpans {

    private static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private CapturedSpans() {
    }

    static void add(SpanData span) {
        SPANS.add(span);
    }

    public static void clear() {
        SPANS.clear();
        Telemetry.dropRaw();
    }

    /**
     * Waits until no span has arrived for a moment, then clears: spans of an earlier test that
     * ended after its client had the response must not count for the next test.
     */
    public static void clearWhenQuiet() {
        Telemetry.endpoint();
        int seen = -1;
        while (SPANS.size() != seen) {
            seen = SPANS.size();
            Waiting.sleep(200);
        }
        clear();
    }

    /** @return every span received since the last clear, in arrival order */
    public static List<SpanData> all() {
        return new ArrayList<>(SPANS);
    }

    /** Waits (the SDK batches) until {@code count} spans match, then returns the matching ones. */
    public static List<SpanData> await(int count, Predicate<SpanData> filter) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<SpanData> found = List.of();
        while (System.nanoTime() < deadline) {
            found = SPANS.stream().filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            Waiting.sleep(20);
        }
        throw new AssertionError("expected " + count + " matching spans within " + WAIT.toSeconds() + " s, found "
                + found.size() + ": " + found);
    }

    /**
     * Waits for the span of that kind and name, and asserts there is exactly one.
     *
     * @return the span
     */
    public static SpanData one(SpanKind kind, String name) {
        List<SpanData> spans = await(1, s -> s.getKind() == kind && s.getName().equals(name));
        if (spans.size() != 1) {
            throw new AssertionError("exactly one " + kind + " " + name + " expected: " + spans);
        }
        return spans.get(0);
    }

    /** Asserts that no span arrives within the given time. */
    public static void assertNoneWithin(Duration wait) {
        Waiting.sleep(wait.toMillis());
        if (!SPANS.isEmpty()) {
            throw new AssertionError("expected no spans, got " + all());
        }
    }
}
