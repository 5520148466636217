package io.github.otelcdi.it.backends;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server} exec jar, fetched by the build) in its own
 * JVM on 127.0.0.1, in-memory storage; stopped by PID.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ZipkinServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Zipkin and waits until its health check answers. */
    public static ZipkinServer start() throws IOException, InterruptedException {
        String jar = System.getProperty("zipkin.server.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("zipkin.server.jar does not name the Zipkin server jar: " + jar
                    + " (the build copies it to target/backends)");
        }
        int port = freePort();
        Path log = Files.createTempFile("zipkin-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar,
                "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STORAGE_TYPE", "mem");
        ZipkinServer server = new ZipkinServer(builder.start(), port, log);
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Zipkin exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Zipkin did not answer /health within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** @return the endpoint for {@code otel.exporter.zipkin.endpoint} */
    public String spansEndpoint() {
        return "http://127.0.0.1:" + port + "/api/v2/spans";
    }

    /**
     * Zipkin's query API, {@code /api/v2/traces}.
     *
     * @param serviceName the service
     * @return each trace as the JSON array of its spans
     * @throws AssertionError when Zipkin cannot be asked: tests poll this in conditions
     */
    public List<JsonArray> traces(String serviceName) {
        HttpResponse<String> answer;
        try {
            answer = get("/api/v2/traces?limit=10000&lookback=3600000&serviceName=" + serviceName);
        } catch (IOException e) {
            throw new AssertionError("Zipkin query failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while asking Zipkin", e);
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Zipkin query answered " + answer.statusCode() + ": " + answer.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            List<JsonArray> traces = new ArrayList<>();
            reader.readArray().forEach(trace -> traces.add(trace.asJsonArray()));
            return traces;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
