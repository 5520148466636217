package io.github.otelcdi.cdi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OTLP exporter that otel-cdi's SDK builds (through {@link CompatibleServicesLoader}) creates the
 * JDK's HTTP client with its first export, not when it is built, and exports to a real HTTP endpoint.
 */
class DeferredOtlpSenderTest {

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void createsTheHttpClientWithTheFirstExport() {
        ClassLoader application = getClass().getClassLoader();
        List<String> clientsBefore = httpClientThreads();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces")
                .setServiceClassLoader(new CompatibleServicesLoader(application, OtlpHttpSpanExporter.class.getClassLoader()))
                .build();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            assertEquals(List.of(), newSince(clientsBefore), "no HTTP client before the first export");

            tracing.get("test").spanBuilder("first").startSpan().end();
            assertTrue(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess(), "exported");

            assertEquals(List.of("POST application/x-protobuf"), received);
            assertEquals(1, newSince(clientsBefore).size(), "the JDK's HTTP client serves the export: " + httpClientThreads());
        }
    }

    @Test
    void anExporterThatNeverExportedShutsDownAtOnce() {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces")
                .setServiceClassLoader(new CompatibleServicesLoader(getClass().getClassLoader(), OtlpHttpSpanExporter.class.getClassLoader()))
                .build();
        List<String> clientsBefore = httpClientThreads();
        assertTrue(exporter.shutdown().join(1, TimeUnit.SECONDS).isSuccess());
        assertEquals(List.of(), newSince(clientsBefore), "shutting down created no client");
        assertEquals(List.of(), received);
    }

    /** Threads of clients that earlier tests left may end at any time: only new ones count. */
    private static List<String> newSince(List<String> before) {
        return httpClientThreads().stream().filter(name -> !before.contains(name)).toList();
    }

    /** The JDK's HTTP client starts its selector thread as it is created. */
    private static List<String> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")).sorted().toList();
    }
}
