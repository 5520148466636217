package io.github.otelcdi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.github.otelcdi.testing.app.StockResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.semconv.HttpAttributes;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.inmemory.InMemoryTestContainerFactory;
import org.glassfish.jersey.test.spi.TestContainerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code JerseyTest} with the in-memory container (no HTTP, no CDI): the test's client call is the
 * CLIENT span, the resource's the SERVER span below it.
 */
class JerseyTestInMemoryTest extends JupiterJerseyTest {

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.withOwnSdk();

    private final JaxRsTelemetry telemetry = JaxRsTelemetry.create(OTEL.openTelemetry());

    @Override
    protected TestContainerFactory getTestContainerFactory() {
        return new InMemoryTestContainerFactory();
    }

    @Override
    protected Application configure() {
        return new ResourceConfig(StockResource.class).register(JaxRsTelemetry.create(OTEL.openTelemetry()).serverFeature());
    }

    @Override
    protected void configureClient(ClientConfig config) {
        config.register(telemetry.clientFeature());
    }

    @Test
    void clientSpanAndServerSpanOfOneCall() {
        assertEquals("3 in stock", target("stock/9").request().get(String.class));

        OTEL.telemetry().assertTraces(2).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                client -> client.hasName("GET").hasKind(SpanKind.CLIENT).hasNoParent()
                        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L),
                server -> server.hasName("GET /stock/{id}").hasKind(SpanKind.SERVER).hasParent(trace.getSpan(0))
                        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/stock/{id}")));
    }
}
