package io.github.otelcdi.bench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every {@link Variant} in its own JVM, warms each up, then measures them in rounds (the order
 * rotating each round, so drift on a shared machine spreads over all variants) and prints the
 * medians as a Markdown table.
 *
 * <p>Arguments: {@code --rounds N --seconds S --warmup S --connections C --jvm-option OPTION --out FILE --smoke}.
 * {@code --jvm-option} (repeatable) is added to every server JVM's options, e.g.
 * {@code -XX:-DoEscapeAnalysis}, with which each JVM allocates what the code asks for, so allocation
 * figures repeat from one JVM to the next. {@code --smoke} is one short round, used by the test
 * command so the benchmark cannot rot.
 */
public final class BenchRunner {

    /** What to run. */
    record Options(int rounds, Duration round, Duration warmup, int connections, List<String> jvmOptions, Path out, boolean smoke) {
        static Options parse(String... args) {
            int rounds = 5;
            int seconds = 10;
            int warmup = 15;
            int connections = 8;
            List<String> jvmOptions = new ArrayList<>();
            Path out = Path.of("target", "bench-report.md");
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--connections" -> connections = Integer.parseInt(args[++i]);
                    case "--jvm-option" -> jvmOptions.add(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--smoke" -> {
                        rounds = 1;
                        seconds = 2;
                        warmup = 2;
                        smoke = true;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; expected --rounds N --seconds S --warmup S --connections C --jvm-option OPTION --out FILE --smoke");
                }
            }
            return new Options(rounds, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), connections, List.copyOf(jvmOptions), out, smoke);
        }
    }

    private static final String PATH = "/api/items/42";
    private static final List<String> SERVER_JVM = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC");
    private static final String SMOKE_SCHEDULE_DELAY = "-Dotel.bsp.schedule.delay=100";

    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(Options.parse(args));
        System.out.println(report.markdown());
    }

    /**
     * One short round of every variant, checked.
     *
     * @param out where the report goes
     * @return the report
     */
    public static String smoke(Path out) throws IOException, InterruptedException {
        return run(Options.parse("--smoke", "--out", out.toString())).markdown();
    }

    /** The smoke round has its spans exported within 0.1 s instead of the batch processor's 5 s: it only checks that they come. */
    static List<String> serverJvm(Options options) {
        List<String> jvm = Stream.concat(SERVER_JVM.stream(), options.jvmOptions().stream()).toList();
        return options.smoke() ? Stream.concat(jvm.stream(), Stream.of(SMOKE_SCHEDULE_DELAY)).toList() : jvm;
    }

    /** @return how long after a round its last spans have surely been handed to the exporter */
    private static Duration spanFlush(Options options) {
        return options.smoke() ? Duration.ofMillis(600) : Duration.ofMillis(5500);
    }

    static Report run(Options options) throws IOException, InterruptedException {
        Load load = Load.best(options.connections());
        String header = "otel-cdi benchmark, " + LocalDate.now() + ": `GET " + PATH + "` on Jersey/Grizzly and RESTEasy/Undertow, Weld SE, "
                + options.rounds() + " round(s) of " + options.round().toSeconds() + " s per variant after "
                + options.warmup().toSeconds() + " s warm-up; load: " + load.describe() + "; server JVM "
                + String.join(" ", serverJvm(options)) + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores";
        JavaAgent agent = JavaAgent.find(options.out().toAbsolutePath().getParent());
        if (agent == null) {
            header += "; no OpenTelemetry Java agent named (system property " + JavaAgent.PROPERTY + "), so no agent row";
        }
        Report report = new Report(header);
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (Variant variant : Variant.PER_REQUEST) {
                if (!variant.agent() || agent != null) {
                    servers.add(ServerProcess.start(variant, serverJvm(options), agent));
                }
            }
            for (ServerProcess server : servers) {
                load.run(server.uri(PATH), options.warmup());
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < servers.size(); i++) {
                    ServerProcess server = servers.get((i + round) % servers.size());
                    ServerProcess.Counters before = server.counters();
                    Load.Result result = load.run(server.uri(PATH), options.round());
                    // Let the batch processor hand over the round's last spans before counting them.
                    Thread.sleep(server.variant().expectsSpans() ? spanFlush(options).toMillis() : 0);
                    report.add(Sample.of(server.variant(), result, before, server.counters()));
                }
                System.out.println("round " + (round + 1) + " of " + options.rounds() + " done");
            }
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report.markdown(), StandardCharsets.UTF_8);
        report.check();
        return report;
    }
}
