package io.github.otelcdi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.github.otelcdi.testing.app.OrdersResource;
import io.github.otelcdi.testing.app.StockResource;
import io.github.otelcdi.testing.app.TenantHook;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.semconv.HttpAttributes;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code JerseyTest} on Grizzly, no CDI container at all: otel-cdi registered through
 * {@link JaxRsTelemetry}, the SDK the test extension's own.
 */
class JerseyTestWithoutCdiTest extends JupiterJerseyTest {

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.withOwnSdk();

    private Client client;

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        JaxRsTelemetry telemetry = JaxRsTelemetry.builder(OTEL.openTelemetry())
                .setSettings(InstrumentationSettings.fromProperties(Map.of("otel.instrumentation.http.server.excluded-urls", "^/stock/0$")))
                .addServerRequestHook(new TenantHook())
                .build();
        client = ClientBuilder.newClient().register(telemetry.clientFeature());
        return new ResourceConfig().register(new OrdersResource(client)).register(StockResource.class)
                .register(telemetry.serverFeature());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void serverSpanClientSpanAndTheStockCallInOneTrace() {
        assertEquals("order 7, 3 in stock", target("orders/7").request().header("X-Tenant", "acme").get(String.class));

        OTEL.telemetry().assertTraces(3).hasTracesSatisfyingExactly(OrderTraces.orderCall(0, ""));
    }

    @Test
    void runsWithNoCdiOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("jakarta.enterprise.inject.spi.CDI"));
    }

    @Test
    void excludedUrlHasNoSpan() {
        assertEquals("3 in stock", target("stock/0").request().get(String.class));
        assertEquals("3 in stock", target("stock/1").request().get(String.class));

        OTEL.telemetry().awaitSpans(1);
        OTEL.telemetry().assertTraces(1).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                span -> span.hasName("GET /stock/{id}").hasKind(SpanKind.SERVER).hasAttribute(HttpAttributes.HTTP_ROUTE, "/stock/{id}")));
    }

    @Test
    void durationMetricOfTheRoute() {
        target("stock/4").request().get(String.class);

        OTEL.telemetry().awaitSpans(1);
        assertEquals("/stock/{id}", OTEL.telemetry().awaitMetric("http.server.request.duration").get(0)
                .getHistogramData().getPoints().iterator().next().getAttributes().get(HttpAttributes.HTTP_ROUTE));
    }
}
