package io.github.otelcdi.bench.runner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What otel-cdi adds to an application's start and memory: each {@link Variant#START_UP} variant is
 * started again and again (interleaved, the order rotating), timed from the moment its JVM is
 * started to the first request it answers, and the CPU time its JVM used until then is read (all
 * its threads: what the start costs the machine, next to how long it took); then, after some more
 * requests and once the span processor has had time to export, its heap after a full collection
 * and its loaded classes are read.
 *
 * <p>Arguments: {@code --runs N --settle S --out FILE --smoke}. {@code --smoke} is one run of each,
 * without settling, used by the test command so this cannot rot.
 */
public final class StartupRunner {

    private static final String PATH = "/api/items/42";
    private static final List<String> SERVER_JVM = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC");
    private static final int REQUESTS_AFTER_FIRST = 200;
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private StartupRunner() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        int settleSeconds = 6;
        Path out = Path.of("target", "startup-report.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--settle" -> settleSeconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--smoke" -> {
                    runs = 1;
                    settleSeconds = 0;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --runs N --settle S --out FILE --smoke");
            }
        }
        System.out.println(run(runs, Duration.ofSeconds(settleSeconds), out).markdown());
    }

    /**
     * One run of each variant, checked.
     *
     * @param out where the report goes
     * @return the report
     */
    public static String smoke(Path out) throws IOException, InterruptedException {
        return run(1, Duration.ZERO, out).markdown();
    }

    static StartupReport run(int runs, Duration settle, Path out) throws IOException, InterruptedException {
        JavaAgent agent = JavaAgent.find(out.toAbsolutePath().getParent());
        List<Variant> variants = Variant.START_UP.stream().filter(variant -> !variant.agent() || agent != null).toList();
        String header = "otel-cdi start-up and memory, " + LocalDate.now() + ": " + Stack.JERSEY.label() + " + Weld SE, JVM start to the first answer to `GET "
                + PATH + "` (wall time, and the CPU time of all the server JVM's threads until then), then " + REQUESTS_AFTER_FIRST + " more requests and " + settle.toSeconds()
                + " s before the heap (after a full GC) and the loaded classes are read; " + runs + " run(s) per variant, interleaved; server JVM "
                + String.join(" ", SERVER_JVM) + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores"
                + (agent == null ? "; no OpenTelemetry Java agent named (system property " + JavaAgent.PROPERTY + "), so no agent row" : "");
        StartupReport report = new StartupReport(header, variants);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((i + run) % variants.size());
                report.add(run, variant, measure(client, variant, agent, settle));
            }
            System.out.println("start-up run " + (run + 1) + " of " + runs + " done");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
        report.check();
        return report;
    }

    private static StartupReport.Start measure(HttpClient client, Variant variant, JavaAgent agent, Duration settle)
            throws IOException, InterruptedException {
        long launched = System.nanoTime();
        ServerProcess server = ServerProcess.launch(variant, SERVER_JVM, agent);
        try {
            HttpRequest first = HttpRequest.newBuilder(server.uri(PATH)).timeout(Duration.ofSeconds(30)).build();
            int status = firstAnswer(client, first, launched);
            long millis = (System.nanoTime() - launched) / 1_000_000;
            long cpuMillis = server.cpuMillis();
            server.awaitReady();
            int failed = status == 200 ? 0 : 1;
            for (int i = 0; i < REQUESTS_AFTER_FIRST; i++) {
                failed += client.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? 0 : 1;
            }
            Thread.sleep(settle.toMillis());
            ServerProcess.Memory memory = server.memory();
            return new StartupReport.Start(millis, cpuMillis, memory.heapBytes(), memory.loadedClasses(), failed);
        } finally {
            server.close();
        }
    }

    /** Asks until the server answers; a refused connection means it is not listening yet. */
    private static int firstAnswer(HttpClient client, HttpRequest request, long launched) throws IOException, InterruptedException {
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (ConnectException notYet) {
                if (System.nanoTime() - launched > GIVE_UP.toNanos()) {
                    throw new IOException("the server did not answer within " + GIVE_UP, notYet);
                }
                Thread.sleep(2);
            }
        }
    }
}
