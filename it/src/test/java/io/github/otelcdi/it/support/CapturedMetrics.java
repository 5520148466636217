package io.github.otelcdi.it.support;

import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The latest cumulative points of each metric, per application (resource): OTLP exporters send
 * cumulative sums by default, so the latest export of a metric holds every measurement so far.
 */
public final class CapturedMetrics {

    private static final Map<String, Map<String, List<PointData>>> LATEST = new ConcurrentHashMap<>();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private CapturedMetrics() {
    }

    static void exported(String resource, String name, List<PointData> points) {
        LATEST.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(resource, List.copyOf(points));
    }

    public static void clear() {
        LATEST.clear();
    }

    /** @return the points of a histogram as last exported by each application; empty when it never was */
    public static List<HistogramPointData> histogram(String name) {
        return points(name, HistogramPointData.class);
    }

    /** @return the points of a long sum (counter, up-down counter) as last exported by each application */
    public static List<LongPointData> longSum(String name) {
        return points(name, LongPointData.class);
    }

    private static <T extends PointData> List<T> points(String name, Class<T> type) {
        List<T> points = new ArrayList<>();
        for (List<PointData> exported : LATEST.getOrDefault(name, Map.of()).values()) {
            exported.stream().filter(type::isInstance).map(type::cast).forEach(points::add);
        }
        return points;
    }

    /** @return whether the metric was exported at all */
    public static boolean exported(String name) {
        return LATEST.containsKey(name);
    }

    /** Waits until the histogram has a point matching the filter with at least {@code count} measurements. */
    public static HistogramPointData awaitPoint(String name, long count, Predicate<HistogramPointData> filter) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (HistogramPointData point : histogram(name)) {
                if (filter.test(point) && point.getCount() >= count) {
                    return point;
                }
            }
            Waiting.sleep(20);
        }
        throw new AssertionError("no point of " + name + " with count >= " + count + " matched within "
                + WAIT.toSeconds() + " s: " + histogram(name));
    }
}
