package io.github.otelcdi.bench.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The medians over all rounds, per variant, and the differences to the untraced application. */
final class Report {

    private final Map<Variant, List<Sample>> samples = new EnumMap<>(Variant.class);
    private final String header;

    Report(String header) {
        this.header = header;
    }

    void add(Sample sample) {
        samples.computeIfAbsent(sample.variant(), v -> new ArrayList<>()).add(sample);
    }

    List<Sample> samples(Variant variant) {
        return samples.getOrDefault(variant, List.of());
    }

    double median(Variant variant, ToDoubleFunction<Sample> figure) {
        double[] values = samples(variant).stream().mapToDouble(figure).sorted().toArray();
        return values.length == 0 ? Double.NaN : middle(values);
    }

    /** @return the spread of a figure over the rounds, max − min */
    double spread(Variant variant, ToDoubleFunction<Sample> figure) {
        double[] values = samples(variant).stream().mapToDouble(figure).toArray();
        return values.length == 0 ? Double.NaN : Arrays.stream(values).max().getAsDouble() - Arrays.stream(values).min().getAsDouble();
    }

    /**
     * Fails when a variant did not do what it stands for: every request answered 200, a span per
     * request where tracing is on, none where it is off or the URL is excluded.
     */
    void check() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Variant, List<Sample>> entry : samples.entrySet()) {
            long requests = entry.getValue().stream().mapToLong(Sample::requests).sum();
            long failed = entry.getValue().stream().mapToLong(Sample::failed).sum();
            long spans = entry.getValue().stream().mapToLong(Sample::spans).sum();
            String label = entry.getKey().label();
            if (requests == 0 || failed > 0) {
                problems.add(label + ": " + requests + " requests, " + failed + " failed");
            }
            if (entry.getKey().expectsSpans() ? spans < requests : spans != 0) {
                problems.add(label + ": " + spans + " spans for " + requests + " requests");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the benchmark did not measure what it claims: " + problems);
        }
    }

    String markdown() {
        StringBuilder out = new StringBuilder(header).append("\n\n");
        out.append("| variant | requests/s | p50 ms | p99 ms | CPU µs/request | Δ CPU µs | allocated KB/request | Δ KB | spans/request |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Variant variant : samples.keySet()) {
            double baseCpu = median(variant.baseline(), Sample::cpuMicrosPerRequest);
            double baseBytes = median(variant.baseline(), Sample::bytesPerRequest);
            double cpu = median(variant, Sample::cpuMicrosPerRequest);
            double bytes = median(variant, Sample::bytesPerRequest);
            double spans = samples(variant).stream().mapToLong(Sample::spans).sum()
                    / (double) Math.max(1, samples(variant).stream().mapToLong(Sample::requests).sum());
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.1f ± %.1f | %+.1f | %.1f ± %.1f | %+.2f | %.2f |%n",
                    variant.label(), median(variant, Sample::perSecond), median(variant, Sample::p50Millis),
                    median(variant, Sample::p99Millis), cpu, spread(variant, Sample::cpuMicrosPerRequest) / 2, cpu - baseCpu,
                    bytes / 1024, spread(variant, Sample::bytesPerRequest) / 2048, (bytes - baseBytes) / 1024, spans));
        }
        out.append("\n(± is half the spread over the rounds; Δ is against the untraced median of the same stack; the A/A row is the noise.)\n");
        if (!samples(Variant.AGENT).isEmpty()) {
            out.append("\notel-cdi against the OpenTelemetry Java agent, what each adds over untraced, round by round "
                    + "(median, and the lowest and highest round):\n\n");
            out.append(ratioLine("traced", Variant.TRACED));
            out.append(ratioLine("traced + metrics", Variant.TRACED_METERED));
            if (!samples(Variant.RESTEASY_AGENT).isEmpty()) {
                out.append(ratioLine("RESTEasy: traced", Variant.RESTEASY_TRACED));
            }
        }
        return out.toString();
    }

    private String ratioLine(String label, Variant variant) {
        double[] cpu = roundRatios(variant, Sample::cpuMicrosPerRequest);
        double[] bytes = roundRatios(variant, Sample::bytesPerRequest);
        return String.format(Locale.ROOT, "- %s / agent: CPU %.2f (%.2f–%.2f), allocation %.2f (%.2f–%.2f)%n", label,
                middle(cpu), cpu[0], cpu[cpu.length - 1], middle(bytes), bytes[0], bytes[bytes.length - 1]);
    }

    /** @return per round, what {@code variant} adds over untraced divided by what the agent adds, sorted */
    private double[] roundRatios(Variant variant, ToDoubleFunction<Sample> figure) {
        List<Sample> base = samples(variant.baseline());
        List<Sample> ours = samples(variant);
        List<Sample> agent = samples(variant.agentOnSameStack());
        int rounds = Math.min(base.size(), Math.min(ours.size(), agent.size()));
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double untraced = figure.applyAsDouble(base.get(round));
            ratios[round] = (figure.applyAsDouble(ours.get(round)) - untraced) / (figure.applyAsDouble(agent.get(round)) - untraced);
        }
        Arrays.sort(ratios);
        return ratios.length == 0 ? new double[] {Double.NaN} : ratios;
    }

    private static double middle(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
