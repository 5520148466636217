package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedMetrics;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.semconv.HttpAttributes;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** An excluded URL gets no span and no metric point, while its neighbours are traced and measured. */
@BehaviourTest
class ExcludedUrlsTest {

    private static final String DURATION = "http.server.request.duration";

    @ArquillianResource
    private URL context;

    @Deployment(testable = false)
    static WebArchive shop() {
        return Archives.shop("excluded", Archives.TRACED_AND_METERED, "OTEL_PYTHON_EXCLUDED_URLS=catalog/");
    }

    @Test
    void excludedUrlHasNoSpanAndNoDurationPoint() {
        for (int i = 0; i < 3; i++) {
            Http.get(api("catalog/sku-" + i));
            assertEquals(200, Http.get(api("orders/" + i)).statusCode());
        }
        HistogramPointData orders = CapturedMetrics.awaitPoint(DURATION, 3,
                p -> "/excluded/api/orders/{id}".equals(p.getAttributes().get(HttpAttributes.HTTP_ROUTE)));
        assertEquals(200L, orders.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE));
        List<HistogramPointData> points = CapturedMetrics.histogram(DURATION);
        assertFalse(points.stream().anyMatch(p -> String.valueOf(p.getAttributes().get(HttpAttributes.HTTP_ROUTE)).contains("catalog")),
                "no point for the excluded URL: " + points);
        assertEquals(3, points.stream().mapToLong(HistogramPointData::getCount).sum(), "only the traced requests were measured");

        assertEquals(3, CapturedSpans.await(3, s -> s.getName().contains("orders")).size());
        assertTrue(CapturedSpans.all().stream().noneMatch(span -> span.getName().contains("catalog")));
    }

    private URI api(String path) {
        return URI.create(context.toExternalForm()).resolve("api/" + path);
    }
}
