package io.github.otelcdi.it;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Spans exported by the test exporters. Lives on the test class path, outside every deployed
 * archive, so all deployments and the test share it.
 */
public final class CapturedSpans {

    private static final List<Exported> SPANS = new CopyOnWriteArrayList<>();

    /** A span with the class loader of the exporter that received it. */
    public record Exported(SpanData span, ClassLoader exporterLoader) {
    }

    private CapturedSpans() {
    }

    /** Called by exporters, also by those loaded from a deployed archive. */
    public static void add(SpanData span, ClassLoader exporterLoader) {
        SPANS.add(new Exported(span, exporterLoader));
    }

    public static void clear() {
        SPANS.clear();
    }

    /**
     * Waits until no span has arrived for a moment, then clears: spans of an earlier test that
     * ended after its client had the response must not count for the next test.
     */
    public static void clearWhenQuiet() {
        int seen = -1;
        while (SPANS.size() != seen) {
            seen = SPANS.size();
            Waiting.sleep(150);
        }
        SPANS.clear();
    }

    public static List<Exported> all() {
        return new ArrayList<>(SPANS);
    }

    /** Waits (the SDK batches) until {@code count} spans match, then returns the matching ones. */
    public static List<SpanData> await(int count, Predicate<SpanData> filter) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<SpanData> found = List.of();
        while (System.nanoTime() < deadline) {
            found = SPANS.stream().map(Exported::span).filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            Waiting.sleep(20);
        }
        throw new AssertionError("expected " + count + " matching spans within 15 s, found " + found.size() + ": " + found);
    }

    /** Asserts that no span arrives within the given time. */
    public static void assertNoneWithin(Duration wait) {
        Waiting.sleep(wait.toMillis());
        if (!SPANS.isEmpty()) {
            throw new AssertionError("expected no spans, got " + all());
        }
    }
}
