package io.github.otelcdi.it.cxf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.it.apps.cxf.GuardedResource;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A fault raised in CXF's own interceptor chain (lane owb-cxf only: the application uses CXF
 * classes), which CXF answers through its out-fault chain: when a mapper turns it into a 4xx, the
 * span has that status and stays UNSET, with the exception recorded, as for a mapped exception a
 * resource method throws.
 */
@CxfLaneTest
class CxfFaultsTest {

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive app() {
        return Archives.edge("cxf-faults", Archives.TRACED).addClasses(GuardedResource.class, GuardedResource.Deny.class);
    }

    @Test
    void faultMappedToA4xxIsNoServerError() {
        assertEquals(403, Http.get(URI.create(app.toExternalForm()).resolve("guarded")).statusCode());
        SpanData span = CapturedSpans.one(SpanKind.SERVER, "GET /cxf-faults/guarded");
        assertEquals(403L, span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals("jakarta.ws.rs.ForbiddenException", span.getAttributes().get(ErrorAttributes.ERROR_TYPE));
    }
}
