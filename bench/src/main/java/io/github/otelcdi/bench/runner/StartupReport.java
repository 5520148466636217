package io.github.otelcdi.bench.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The start-up runs per variant: medians, and the median of the differences to untraced in the same run. */
final class StartupReport {

    /** One start of one variant. */
    record Start(long millis, long cpuMillis, long heapBytes, long loadedClasses, int failedRequests) {
    }

    private final String header;
    private final List<Variant> variants;
    private final Map<Variant, List<Start>> starts = new EnumMap<>(Variant.class);
    private final List<Map<Variant, Start>> runs = new ArrayList<>();

    StartupReport(String header, List<Variant> variants) {
        this.header = header;
        this.variants = variants;
    }

    void add(int run, Variant variant, Start start) {
        starts.computeIfAbsent(variant, v -> new ArrayList<>()).add(start);
        while (runs.size() <= run) {
            runs.add(new EnumMap<>(Variant.class));
        }
        runs.get(run).put(variant, start);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(header).append("\n\n");
        out.append("| variant | start-up ms | Δ ms | CPU ms | Δ CPU ms | heap after GC MB | Δ MB | loaded classes | Δ classes |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Variant variant : variants) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f (%.0f–%.0f) | %+.0f | %.0f (%.0f–%.0f) | %+.0f | %.1f | %+.1f | %.0f | %+.0f |%n",
                    variant.label(), median(variant, Start::millis), min(variant, Start::millis), max(variant, Start::millis),
                    pairedDifference(variant, Start::millis), median(variant, Start::cpuMillis), min(variant, Start::cpuMillis),
                    max(variant, Start::cpuMillis), pairedDifference(variant, Start::cpuMillis), median(variant, Start::heapBytes) / 1e6,
                    pairedDifference(variant, Start::heapBytes) / 1e6, median(variant, Start::loadedClasses),
                    pairedDifference(variant, Start::loadedClasses)));
        }
        out.append("\n(start-up: JVM start to the first answer, median, lowest and highest run; CPU: the CPU time of all the server JVM's threads"
                + " until then, likewise; Δ: the median over the runs of the difference to untraced in the same run.)\n");
        return out.toString();
    }

    /** Fails when a variant did not answer every request with 200, or its CPU time could not be read. */
    void check() {
        List<String> problems = new ArrayList<>();
        starts.forEach((variant, list) -> {
            int failed = list.stream().mapToInt(Start::failedRequests).sum();
            if (failed > 0) {
                problems.add(variant.label() + ": " + failed + " requests failed");
            }
            if (list.stream().anyMatch(start -> start.cpuMillis() < 0)) {
                problems.add(variant.label() + ": the server JVM's CPU time could not be read");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the start-up benchmark did not measure what it claims: " + problems);
        }
    }

    private double median(Variant variant, ToDoubleFunction<Start> figure) {
        return middle(values(variant, figure));
    }

    private double min(Variant variant, ToDoubleFunction<Start> figure) {
        return Arrays.stream(values(variant, figure)).min().orElse(Double.NaN);
    }

    private double max(Variant variant, ToDoubleFunction<Start> figure) {
        return Arrays.stream(values(variant, figure)).max().orElse(Double.NaN);
    }

    private double pairedDifference(Variant variant, ToDoubleFunction<Start> figure) {
        double[] differences = runs.stream().filter(run -> run.containsKey(variant) && run.containsKey(Variant.UNTRACED))
                .mapToDouble(run -> figure.applyAsDouble(run.get(variant)) - figure.applyAsDouble(run.get(Variant.UNTRACED)))
                .sorted().toArray();
        return middle(differences);
    }

    private double[] values(Variant variant, ToDoubleFunction<Start> figure) {
        return starts.getOrDefault(variant, List.of()).stream().mapToDouble(figure).sorted().toArray();
    }

    private static double middle(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
