package io.github.otelcdi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.github.otelcdi.testing.app.OrdersResource;
import io.github.otelcdi.testing.app.StockResource;
import io.github.otelcdi.testing.app.WeldStarter;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Weld SE + Jersey application on Grizzly started by the test, as a {@code main} would start it. */
class WeldSeApplicationTest {

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.forApplication();

    private static WeldContainer weld;
    private static HttpServer server;
    private static URI base;

    @BeforeAll
    static void start() throws IOException {
        weld = WeldStarter.start("otel-cdi-testing-weld-se");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port + "/api/");
        server = GrizzlyHttpServerFactory.createHttpServer(base, new ResourceConfig(OrdersResource.class, StockResource.class));
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
        weld.shutdown();
    }

    @Test
    void serverSpanClientSpanAndTheStockCallInOneTrace() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.resolve("orders/7")).header("X-Tenant", "acme").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("order 7, 3 in stock", response.body());

        OTEL.telemetry().assertTraces(3).hasTracesSatisfyingExactly(OrderTraces.orderCall(0, "/api"));
    }

    @Test
    void theApplicationsTelemetryIsInjectableForRegisteringByHand() {
        JaxRsTelemetry injected = weld.select(JaxRsTelemetry.class).get();
        assertSame(injected, weld.select(JaxRsTelemetry.class).get(), "one per application, the one the extension registers");
        Client client = ClientBuilder.newClient().register(injected.clientFeature());
        try {
            // Registered twice (by hand and by Jersey's auto-discovery): still one CLIENT span.
            assertEquals("3 in stock", client.target(base).path("stock/2").request().get(String.class));
        } finally {
            client.close();
        }
        OTEL.telemetry().assertTraces(2).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                call -> call.hasName("GET").hasKind(SpanKind.CLIENT),
                stock -> stock.hasName("GET /api/stock/{id}").hasKind(SpanKind.SERVER).hasParent(trace.getSpan(0))));
    }
}
