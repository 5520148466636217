package io.github.otelcdi.bench.runner;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** One variant's server JVM, started from the runner's own class path (minus otel-cdi when untraced). */
final class ServerProcess implements AutoCloseable {

    /** The counters the probe reports. */
    record Counters(long cpuNanos, long allocatedBytes, long spans) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Variant variant;
    private final Process process;
    private final int port;
    private final int probePort;

    private ServerProcess(Variant variant, Process process, int port, int probePort) {
        this.variant = variant;
        this.process = process;
        this.port = port;
        this.probePort = probePort;
    }

    /**
     * @param variant what to run
     * @param jvmOptions the server JVM's options
     * @param agent the OpenTelemetry Java agent, for the agent variant
     */
    static ServerProcess start(Variant variant, List<String> jvmOptions, JavaAgent agent) throws IOException {
        ServerProcess server = launch(variant, jvmOptions, agent);
        server.awaitReady();
        return server;
    }

    /**
     * Starts the JVM and returns at once: what follows (its output, its first answer) is the caller's to wait for.
     *
     * @param variant what to run
     * @param jvmOptions the server JVM's options
     * @param agent the OpenTelemetry Java agent, for the agent variants
     */
    static ServerProcess launch(Variant variant, List<String> jvmOptions, JavaAgent agent) throws IOException {
        int port = freePort();
        int probePort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (variant.agent()) {
            command.addAll(agent.jvmOptions());
        }
        command.addAll(variant.properties());
        command.add("-cp");
        command.add(classPath(variant));
        command.add(variant.stack().mainClass());
        command.add(Integer.toString(port));
        command.add(Integer.toString(probePort));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ServerProcess(variant, process, port, probePort);
    }

    private static String classPath(Variant variant) {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        return entries.stream()
                .filter(entry -> (variant.instrumented() || !holdsAny(entry, UNTRACED_LEAVES_OUT))
                        && !holdsAny(entry, variant.stack().otherStack()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** What the untraced JVM runs without: otel-cdi's modules and OpenTelemetry itself. */
    private static final List<String> UNTRACED_LEAVES_OUT = List.of("io/github/otelcdi/cdi/", "io/github/otelcdi/jaxrs/",
            "io/github/otelcdi/config/", "io/opentelemetry/");

    // By content, not by name: from the reactor the modules are target/classes folders.
    private static boolean holdsAny(String entry, List<String> packages) {
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
            return packages.stream().anyMatch(p -> Files.isDirectory(path.resolve(p)));
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.stream().anyMatch(e -> packages.stream().anyMatch(p -> e.getName().startsWith(p)));
        } catch (IOException notAJar) {
            return false;
        }
    }

    void awaitReady() throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> drain(output), "drain " + variant);
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.add(line);
        }
        throw new IllegalStateException(variant.label() + " server exited before it was ready:\n" + String.join("\n", seen));
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // the server's log is not part of the figures
            }
        } catch (IOException closed) {
            // the server stopped
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Counters counters() throws IOException, InterruptedException {
        String body = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/probe"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] parts = body.trim().split(" ");
        return new Counters(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    /** What the application keeps once collected. */
    record Memory(long heapBytes, long loadedClasses) {
    }

    /** @return the heap in use after a full collection, and the classes loaded */
    Memory memory() throws IOException, InterruptedException {
        String body = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/memory"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] parts = body.trim().split(" ");
        return new Memory(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /**
     * @return the CPU time the server JVM has used so far, over all its threads (JIT compilers and
     *     GC included), in milliseconds; -1 where the platform does not tell
     */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    Variant variant() {
        return variant;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
