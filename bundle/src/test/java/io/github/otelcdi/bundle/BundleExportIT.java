package io.github.otelcdi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.backends.OtlpReceiver;
import io.github.otelcdi.it.backends.ZipkinServer;
import io.github.otelcdi.it.support.Waiting;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each exporter of the bundle, run from the bundle alone: a JVM whose class path is the shaded jar and
 * {@link BundleExportDriver} exports one span to a real receiver. gRPC and Zipkin go through OkHttp and
 * the part of Kotlin's standard library the bundle keeps; OTLP over HTTP through the JDK's client.
 */
class BundleExportIT {

    private static final long CHILD_SECONDS = 60;
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

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
            Waiting.until(() -> zipkin.traces(service).stream().anyMatch(trace -> trace.toString().contains("\"zipkin-span\"")),
                    ARRIVAL, "the span zipkin-span of " + service + " in Zipkin");
        }
    }

    private static void exportsOverOtlp(OtlpReceiver.Protocol protocol) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start(protocol, 0)) {
            String name = "otlp-" + protocol.name();
            runDriver(name, "-Dotel.traces.exporter=otlp", "-Dotel.exporter.otlp.protocol=" + protocol.setting(),
                    "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint());
            Waiting.until(() -> receiver.spans().stream().anyMatch(s -> s.span().getName().equals(name)),
                    ARRIVAL, "the span " + name + " at the receiver");
        }
    }

    private static void runDriver(String spanName, String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", BundleContentIT.BUNDLE + File.pathSeparator + System.getProperty("bundle.test.classes"),
                "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
        command.addAll(List.of(settings));
        command.add(BundleExportDriver.class.getName());
        command.add(spanName);
        Path output = Files.createTempFile("bundle-export-", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = false;
        try {
            ended = child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (!ended) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        String printed = Files.readString(output);
        Files.delete(output);
        assertTrue(ended, "the exporting JVM did not end within " + CHILD_SECONDS + " s:\n" + printed);
        assertEquals(0, child.exitValue(), "the exporting JVM did not flush within " + BundleExportDriver.FLUSH_SECONDS + " s:\n" + printed);
        assertFalse(printed.contains("NoClassDefFoundError") || printed.contains("ClassNotFoundException"),
                "a class is missing from the bundle:\n" + printed);
    }
}
