package io.github.otelcdi.cdi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OTLP export to an {@code http://} endpoint sets up no TLS: each case runs in a JVM of its own
 * (what another test loaded would hide it), exports one span through otel-cdi's sender, and its
 * class-loading log says whether the JDK's TLS context was set up.
 */
class PlainHttpExportTest {

    /** Loaded as the JDK's default TLS context is set up (its CA certificates read). */
    private static final String JDK_TLS_CONTEXT = "sun.security.ssl.SSLContextImpl";

    @TempDir
    Path logs;

    @Test
    void anExportToAnHttpEndpointSetsUpNoTls() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger received = new AtomicInteger();
        receiver.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String classes = exportInOwnJvm("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces", true);
            assertEquals(1, received.get(), "the span reached the endpoint");
            assertTrue(classes.contains("DeferredHttpSenderProvider source:") && classes.contains("JdkHttpSender source:"),
                    "otel-cdi's sender provider gave the exporter the JDK's sender");
            assertFalse(classes.contains(JDK_TLS_CONTEXT), "no TLS context for a plain HTTP export");
        } finally {
            receiver.stop(0);
        }
    }

    /** The control: the same run with an {@code https://} endpoint does set TLS up, so the check above can fail. */
    @Test
    void anHttpsEndpointGetsTheJdkTlsContext() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String classes = exportInOwnJvm("https://127.0.0.1:" + closedPort + "/v1/traces", false);
        assertTrue(classes.contains(JDK_TLS_CONTEXT), "TLS set up for an https:// endpoint");
    }

    private String exportInOwnJvm(String endpoint, boolean expectSuccess) throws IOException, InterruptedException {
        Path log = logs.resolve("classes.log");
        Path output = logs.resolve("output.txt");
        Process exporter = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"), OneExport.class.getName(), endpoint)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!exporter.waitFor(60, TimeUnit.SECONDS)) {
            exporter.destroyForcibly();
            throw new AssertionError("the exporting JVM did not end within 60 s: " + Files.readString(output));
        }
        assertEquals(expectSuccess ? 0 : 1, exporter.exitValue(), Files.readString(output));
        return Files.readString(log);
    }

    /** Exports one span through otel-cdi's sender in a JVM of its own; exits 0 when the endpoint took it. */
    public static final class OneExport {
        public static void main(String[] args) {
            // No retries: the https:// case fails at once, and only its set-up matters.
            OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(args[0]).setRetryPolicy(null)
                    .setServiceClassLoader(new CompatibleServicesLoader(OneExport.class.getClassLoader(), OtlpHttpSpanExporter.class.getClassLoader()))
                    .build();
            boolean exported;
            try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
                tracing.get("test").spanBuilder("one").startSpan().end();
                exported = tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess();
            }
            System.exit(exported ? 0 : 1);
        }
    }
}
