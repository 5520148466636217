package io.github.otelcdi.it.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.github.otelcdi.testing.OtelCdiTesting;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.semconv.HttpAttributes;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JAX-RS client of this lane's implementation (Jersey's, RESTEasy's) built outside any application,
 * traced through {@code JaxRsTelemetry}'s client feature alone: on RESTEasy the client also carries
 * the filter of otel-cdi's providers file, which must use this client's telemetry, not look for a CDI container's.
 */
@Tag("facade")
class FacadeClientTest {

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.withOwnSdk();

    private static final AtomicReference<String> TRACEPARENT = new AtomicReference<>();
    private static HttpServer backend;

    @BeforeAll
    static void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/stock", exchange -> {
            TRACEPARENT.set(exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = "3".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        backend.start();
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
    }

    @Test
    void callIsAClientSpanWhoseContextIsSent() {
        JaxRsTelemetry telemetry = JaxRsTelemetry.builder(OTEL.openTelemetry())
                .addClientRequestHook((span, request) -> span.setAttribute("app.client.hook", "ran"))
                .build();
        Client client = ClientBuilder.newClient().register(telemetry.clientFeature());
        try {
            String url = "http://127.0.0.1:" + backend.getAddress().getPort() + "/stock/1";
            assertEquals("3", client.target(url).request().get(String.class));
        } finally {
            client.close();
        }

        OTEL.telemetry().assertTraces(1).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                span -> span.hasName("GET").hasKind(SpanKind.CLIENT).hasNoParent()
                        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
                        .hasAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("app.client.hook"), "ran")));
        String sent = TRACEPARENT.get();
        // The flags are the span's own: a root span of SDK 1.59+ also carries W3C's "random" flag (03).
        SpanContext span = OTEL.telemetry().spans().get(0).getSpanContext();
        String expected = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        assertEquals(expected, sent, "the backend got the CLIENT span's context");
    }
}
