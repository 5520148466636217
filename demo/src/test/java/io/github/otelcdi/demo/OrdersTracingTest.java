package io.github.otelcdi.demo;

import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.testing.OtelCdiTesting;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How to test an application's tracing, to copy: start it as its {@code main} does, with
 * {@code otel.traces.exporter=memory} (src/test/resources), and assert on what it recorded.
 */
class OrdersTracingTest {

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.forApplication();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static WeldContainer cdi;
    private static HttpServer server;
    private static URI base;

    @BeforeAll
    static void start() throws IOException {
        cdi = new Weld().property(Weld.ARCHIVE_ISOLATION_SYSTEM_PROPERTY, false).initialize();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            base = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/");
        }
        server = GrizzlyHttpServerFactory.createHttpServer(base, new ResourceConfig(OrdersResource.class, HealthResource.class));
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
        cdi.shutdown();
    }

    @Test
    void anOrderIsOneServerSpanNamedByItsRoute() throws Exception {
        assertEquals(200, get("orders/42", "X-Request-Id", "test-1").statusCode());

        // The SERVER span, and the span of the store's @WithSpan method below it.
        OTEL.telemetry().assertTraces(2).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                span -> span.hasName("GET /api/orders/{id}").hasKind(SpanKind.SERVER).hasNoParent()
                        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/api/orders/{id}")
                        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
                        .hasAttribute(stringArrayKey("http.request.header.x-request-id"), List.of("test-1")),
                span -> span.hasName("OrderStore.find").hasKind(SpanKind.INTERNAL).hasParent(trace.getSpan(0))));
    }

    @Test
    void theHealthCheckIsNotTraced() throws Exception {
        assertEquals(200, get("health").statusCode());
        assertEquals(404, get("orders/7").statusCode());

        // The later request's span arrived, so the health check's would have too.
        List<SpanData> servers = OTEL.telemetry().awaitSpans(span -> span.getKind() == SpanKind.SERVER, 1);
        assertThat(servers).singleElement().satisfies(span -> assertThat(span).hasName("GET /api/orders/{id}")
                .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 404L));
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
