package io.github.otelcdi.it.cxf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.it.apps.cxf.CxfClientResource;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * CXF's own client API (lane owb-cxf only: the application uses CXF classes): a {@code WebClient}
 * and a proxy made by {@code JAXRSClientFactory}, called inside a traced request, are CLIENT spans
 * of the request's trace, and the downstream SERVER span continues them. Nothing is registered on
 * the clients: otel-cdi's CXF bus extension traces every client of the bus.
 */
@CxfLaneTest
class CxfClientTest {

    @ArquillianResource
    private URL chain;

    @Deployment(testable = false)
    static WebArchive chain() {
        return Archives.chain("cxf-chain", Archives.TRACED).addClass(CxfClientResource.class);
    }

    @Test
    void webClientJoinsTheTrace() {
        assertChain("cxf/web-client/4", "/cxf-chain/cxf/web-client/{id}", "4");
    }

    @Test
    void proxyJoinsTheTrace() {
        assertChain("cxf/proxy/5", "/cxf-chain/cxf/proxy/{id}", "5");
    }

    private void assertChain(String path, String frontRoute, String id) {
        URI app = URI.create(chain.toExternalForm());
        HttpResponse<String> response = Http.get(app.resolve(path));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("back " + id, response.body());
        SpanData front = CapturedSpans.one(SpanKind.SERVER, "GET " + frontRoute);
        SpanData client = CapturedSpans.one(SpanKind.CLIENT, "GET");
        SpanData back = CapturedSpans.one(SpanKind.SERVER, "GET /cxf-chain/back/{id}");
        assertEquals(front.getTraceId(), client.getTraceId());
        assertEquals(front.getSpanId(), client.getParentSpanId(), "CLIENT is the child of the SERVER span that made the call");
        assertEquals(client.getSpanId(), back.getParentSpanId(), "downstream SERVER continues the CLIENT span");
        assertEquals(app.resolve("back/" + id).toString(), client.getAttributes().get(UrlAttributes.URL_FULL));
        assertEquals(200L, client.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
    }
}
