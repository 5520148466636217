package io.github.otelcdi.it.agent;

import io.github.otelcdi.it.support.Lane;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link AgentApp} in a JVM of its own with the OpenTelemetry Java agent attached ({@code -javaagent},
 * the jar Maven copied from the registry), its exporter pointed at a receiver of the test. What the
 * JVM prints is kept, to assert on and to show when something fails.
 */
final class AgentProcess implements AutoCloseable {

    /** Where Maven put the agent jar (it/pom.xml). */
    static final String AGENT_JAR_PROPERTY = "otel-cdi.javaagent.jar";
    private static final long START_SECONDS = 120;

    private final Process process;
    private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
    private final URI shop;
    private final URI chain;
    private final URI edge;

    /**
     * @param agentSettings lines of the agent's configuration file
     * @param jvmOptions more options for the JVM (e.g. agent switches as system properties)
     * @param ownEndpoint where otel-cdi's own SDK would export
     * @param appSettings one more settings line for both applications, or empty
     */
    AgentProcess(List<String> agentSettings, List<String> jvmOptions, String ownEndpoint, String appSettings) throws IOException {
        Path config = Files.createTempFile("otel-javaagent", ".properties");
        Files.write(config, agentSettings);
        config.toFile().deleteOnExit();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar(),
                "-Dotel.javaagent.configuration-file=" + config,
                "-D" + Lane.PROPERTY + "=" + Lane.current().id()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentApp.class.getName(), ownEndpoint, appSettings));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(ready), "agent-app-output");
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the application with the agent did not start within " + START_SECONDS + " s:\n" + output(), e);
        }
        String[] words = line.split(" ");
        shop = URI.create(words[1]);
        chain = URI.create(words[2]);
        edge = URI.create(words[3]);
    }

    private static String agentJar() {
        String jar = System.getProperty(AGENT_JAR_PROPERTY);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("no OpenTelemetry Java agent jar at " + AGENT_JAR_PROPERTY + "=" + jar
                    + " (Maven copies it in generate-test-resources)");
        }
        return jar;
    }

    private void read(CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                if (line.startsWith(AgentApp.READY + " ")) {
                    ready.complete(line);
                }
            }
            ready.completeExceptionally(new IllegalStateException("the application's JVM ended"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** @return the shop app's context URI */
    URI shop() {
        return shop;
    }

    /** @return the chain app's context URI */
    URI chain() {
        return chain;
    }

    /** @return the edge-case app's context URI */
    URI edge() {
        return edge;
    }

    /** @return everything the JVM printed so far */
    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
