package io.github.otelcdi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.testing.app.OrdersResource;
import io.github.otelcdi.testing.app.StockResource;
import io.github.otelcdi.testing.app.WeldStarter;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.TestProperties;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code JerseyTest} with Weld: otel-cdi's CDI extension registers itself (nothing in the test's
 * application names it) and builds the SDK from {@code microprofile-config.properties}, whose
 * {@code memory} exporters write to the application's store.
 */
class WeldJerseyTestTest extends JupiterJerseyTest {

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.forApplication();

    private static WeldContainer weld;

    @BeforeAll
    static void startWeld() {
        weld = WeldStarter.start("otel-cdi-testing-jerseytest");
    }

    @AfterAll
    static void stopWeld() {
        weld.shutdown();
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(OrdersResource.class, StockResource.class);
    }

    @Test
    void testClientCallServerSpanClientSpanAndStockInOneTrace() {
        assertEquals("order 7, 3 in stock", target("orders/7").request().header("X-Tenant", "acme").get(String.class));

        // The test's own client is traced too: the CDI extension registers on every Jersey client.
        OTEL.telemetry().assertTraces(4).hasTracesSatisfyingExactly(trace -> {
            trace.satisfies(spans -> org.assertj.core.api.Assertions.assertThat(spans.get(0).getName()).isEqualTo("GET"));
            OrderTraces.assertOrderCall(trace, 1, "");
        });
    }
}
