package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Lane;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** {@code http.route} and the span name for every way JAX-RS composes a path. */
@BehaviourTest
class ServerSpanRouteTest {

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive shop() {
        return Archives.shop("shop", Archives.TRACED);
    }

    @Test
    void classAndMethodPathUnderContextRootAndApplicationPath() {
        assertRoute("orders/42", "/shop/api/orders/{id}", "order 42");
    }

    @Test
    void classPathOnlyWithTrailingSlashNormalised() {
        assertRoute("orders", "/shop/api/orders", "orders");
    }

    @Test
    void subResourceLocatorPathsAreIncluded() {
        assertRoute("orders/7/items/3", "/shop/api/orders/{id}/items/{itemId}", "item 3 of order 7");
    }

    @Test
    void pathDeclaredOnAnInterface() {
        Lane lane = Lane.current();
        lane.assume(lane != Lane.PAYARA && lane != Lane.LIBERTY,
                "the server itself does not serve a resource whose @Path is declared only on its interface (README, limits)");
        assertRoute("catalog/abc", "/shop/api/catalog/{sku}", "product abc");
    }

    @Test
    void unmatchedRequestHasASpanWithoutRoute() {
        HttpResponse<String> response = Http.get(api("no/such/thing"));
        assertEquals(404, response.statusCode());
        SpanData span = CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER).get(0);
        assertEquals("GET", span.getName());
        assertNull(span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
        assertEquals(404L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
    }

    private void assertRoute(String path, String route, String body) {
        HttpResponse<String> response = Http.get(api(path));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(body, response.body());
        SpanData span = CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER).get(0);
        assertEquals("GET " + route, span.getName());
        assertEquals(route, span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
        assertEquals(200L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
    }

    private URI api(String path) {
        return URI.create(context.toExternalForm()).resolve("api/" + path);
    }
}
