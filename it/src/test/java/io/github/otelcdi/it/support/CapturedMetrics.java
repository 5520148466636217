package io.github.otelcdi.it;

import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The latest cumulative state of each metric the test exporter received. */
public final class CapturedMetrics {

    private static final Map<String, MetricData> LATEST = new ConcurrentHashMap<>();

    private CapturedMetrics() {
    }

    static void exported(Collection<MetricData> metrics) {
        for (MetricData metric : metrics) {
            LATEST.put(metric.getName(), metric);
        }
    }

    public static void clear() {
        LATEST.clear();
    }

    /** @return the points of a histogram as last exported; empty when it never was */
    public static List<HistogramPointData> histogram(String name) {
        MetricData metric = LATEST.get(name);
        return metric == null ? List.of() : List.copyOf(metric.getHistogramData().getPoints());
    }

    /** @return the points of a long sum (counter, up-down counter) as last exported; empty when it never was */
    public static List<LongPointData> longSum(String name) {
        MetricData metric = LATEST.get(name);
        return metric == null ? List.of() : List.copyOf(metric.getLongSumData().getPoints());
    }

    /** @return whether the metric was exported at all */
    public static boolean exported(String name) {
        return LATEST.containsKey(name);
    }

    /** Waits until the histogram has a point matching the filter with at least {@code count} measurements. */
    public static HistogramPointData awaitPoint(String name, long count, Predicate<HistogramPointData> filter) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (HistogramPointData point : histogram(name)) {
                if (filter.test(point) && point.getCount() >= count) {
                    return point;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no point of " + name + " with count >= " + count + " matched within 15 s: " + histogram(name));
    }
}
