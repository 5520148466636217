package io.github.otelcdi.it.backends;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/** OTLP over HTTP with protobuf bodies: {@code POST /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}. */
final class OtlpHttpTransport implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private OtlpHttpTransport(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static OtlpHttpTransport start(int port, OtlpReceiver receiver) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/v1/traces", exchange -> handle(exchange, receiver, body -> {
            receiver.received(ExportTraceServiceRequest.parseFrom(body));
            return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        }));
        server.createContext("/v1/metrics", exchange -> handle(exchange, receiver, body -> {
            receiver.received(ExportMetricsServiceRequest.parseFrom(body));
            return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        }));
        server.createContext("/v1/logs", exchange -> handle(exchange, receiver, body -> {
            receiver.received(ExportLogsServiceRequest.parseFrom(body));
            return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
        }));
        server.start();
        return new OtlpHttpTransport(server, threads);
    }

    private interface Decoder {
        byte[] accept(InputStream body) throws IOException;
    }

    private static void handle(HttpExchange exchange, OtlpReceiver receiver, Decoder decoder) throws IOException {
        try (exchange) {
            if (receiver.delayAndDecideFailure()) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            byte[] answer = decoder.accept(body);
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
