package io.github.otelcdi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.backends.OtlpReceiver;
import io.github.otelcdi.it.backends.ZipkinServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Each exporter of the bundle, run from the bundle alone: a JVM whose class path is the shaded jar and
 * {@link BundleExportDriver} exports one span to a real receiver. gRPC and Zipkin go through OkHttp and
 * the part of Kotlin's standard library the bundle keeps; OTLP over HTTP through the JDK's client.
 */
class BundleExportIT {

    private static final long CHILD_SECONDS = 60;

    @Test
    void otlpOverGrpc() throws Exception {
        exportsOverOtlp(OtlpReceiver.Protocol.GRPC);
    }

    @Test
    void otlpOverHttp() throws Exception {
        exportsOverOtlp(OtlpReceiver.Protocol.HTTP_PROTOBUF);
    }

    @Test
    void zipkin() throws Exception {
        try (ZipkinServer zipkin = ZipkinServer.start()) {
            String service = "bundle-zipkin";
            runDriver("zipkin-span", "-Dotel.traces.exporter=zipkin",
                    "-Dotel.exporter.zipkin.endpoint=" + zipkin.spansEndpoint(), "-Dotel.service.name=" + service);
            assertEventually(() -> !traces(zipkin, service).isEmpty(), "Zipkin has no trace of " + service);
            assertTrue(traces(zipkin, service).get(0).toString().contains("zipkin-span"), "the span's name");
        }
    }

    private static void exportsOverOtlp(OtlpReceiver.Protocol protocol) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start(protocol, 0)) {
            String name = "otlp-" + protocol.name();
            runDriver(name, "-Dotel.traces.exporter=otlp", "-Dotel.exporter.otlp.protocol=" + protocol.setting(),
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint());
            assertEventually(() -> receiver.spans().stream().anyMatch(s -> s.span().getName().equals(name)),
                    "the receiver has no span " + name + ": " + receiver.spans());
        }
    }

    private static List<?> traces(ZipkinServer zipkin, String service) {
        try {
            return zipkin.traces(service);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void runDriver(String spanName, String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("bundle.jar") + File.pathSeparator + System.getProperty("bundle.test.classes"),
                "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
        command.addAll(List.of(settings));
        command.add(BundleExportDriver.class.getName());
        command.add(spanName);
        Path output = Files.createTempFile("bundle-export-", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        Files.delete(output);
        assertTrue(ended, "the exporting JVM did not end within " + CHILD_SECONDS + " s:\n" + printed);
        assertEquals(0, child.exitValue(), "the exporter did not report success:\n" + printed);
        assertFalse(printed.contains("NoClassDefFoundError") || printed.contains("ClassNotFoundException"),
                "a class is missing from the bundle:\n" + printed);
    }

    private static void assertEventually(BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, message);
            Thread.sleep(100);
        }
    }
}
