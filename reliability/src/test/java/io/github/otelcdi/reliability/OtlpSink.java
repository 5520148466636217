package io.github.otelcdi.reliability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP endpoint on 127.0.0.1 that accepts every export (200, empty protobuf answer) and
 * counts them per signal: enough for exporters to work for real, with their threads and connections.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicLong> exports = new ConcurrentHashMap<>();

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpSink sink = new OtlpSink(server);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            sink.exports.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicLong()).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return sink;
    }

    /** @return the endpoint for {@code otel.exporter.otlp.endpoint} */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return exports received per path ({@code /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}) */
    Map<String, Long> exports() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        exports.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
