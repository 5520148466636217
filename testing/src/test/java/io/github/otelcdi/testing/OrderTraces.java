package io.github.otelcdi.testing;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.github.otelcdi.testing.app.TenantHook;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.testing.assertj.TraceAssert;
import io.opentelemetry.semconv.HttpAttributes;
import java.util.function.Consumer;

/** What every way of testing must show for {@code GET /orders/7}: the order's SERVER span, the stock call's CLIENT span, the stock's SERVER span. */
final class OrderTraces {

    private OrderTraces() {
    }

    /**
     * @param trace the trace of the request
     * @param first index of the order's SERVER span in the trace (1 when the test's own client call is a CLIENT span before it)
     * @param root the application's path, e.g. {@code /api}, or empty
     */
    static void assertOrderCall(TraceAssert trace, int first, String root) {
        trace.hasSize(first + 3);
        trace.satisfies(spans -> {
            SpanDataAssert order = OpenTelemetryAssertions.assertThat(spans.get(first));
            order.hasName("GET " + root + "/orders/{id}").hasKind(SpanKind.SERVER)
                    .hasAttribute(HttpAttributes.HTTP_ROUTE, root + "/orders/{id}")
                    .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L)
                    .hasAttribute(stringKey(TenantHook.ATTRIBUTE), "acme");
            if (first > 0) {
                order.hasParent(spans.get(first - 1));
            } else {
                order.hasNoParent();
            }
            OpenTelemetryAssertions.assertThat(spans.get(first + 1)).hasName("GET").hasKind(SpanKind.CLIENT).hasParent(spans.get(first))
                    .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
            OpenTelemetryAssertions.assertThat(spans.get(first + 2)).hasName("GET " + root + "/stock/{id}").hasKind(SpanKind.SERVER)
                    .hasParent(spans.get(first + 1)).hasAttribute(stringKey(TenantHook.ATTRIBUTE), "none");
        });
    }

    static Consumer<TraceAssert> orderCall(int first, String root) {
        return trace -> assertOrderCall(trace, first, root);
    }
}
