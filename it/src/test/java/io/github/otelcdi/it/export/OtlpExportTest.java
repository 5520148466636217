package io.github.otelcdi.it.export;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.backends.OtlpReceiver;
import io.github.otelcdi.it.backends.OtlpReceiver.Protocol;
import io.github.otelcdi.it.backends.OtlpReceiver.ReceivedMetric;
import io.github.otelcdi.it.backends.OtlpReceiver.ReceivedSpan;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OTLP over both protocols to a receiver that decodes the real protobuf messages: spans and the
 * duration histogram arrive with the resource and their attributes; stopping the application
 * delivers every span still queued.
 */
class OtlpExportTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER = "b7ad6b7169203331";

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void spansAndTheDurationHistogramArriveWithResourceAndAttributes(Protocol protocol) {
        String name = "otlp-" + protocol.ordinal();
        String route = "/" + name + "/front/sync/{id}";
        try (OtlpReceiver receiver = OtlpReceiver.start(protocol, 0);
             WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.chain(name,
                     ExportSettings.otlp("otlp-e2e", protocol, receiver.endpoint(), 200), "otel.bsp.schedule.delay=50"))) {
            assertEquals("back 5", Http.get(app.contextUri().resolve("front/sync/5"),
                    "traceparent", "00-" + TRACE + "-" + CALLER + "-01").body());

            Waiting.until(() -> receiver.spans().size() >= 3, Duration.ofSeconds(20), "3 spans at the receiver");
            Waiting.until(() -> durationPoint(receiver, route) != null, Duration.ofSeconds(20),
                    "an http.server.request.duration point for " + route);

            List<ReceivedSpan> spans = receiver.spans();
            assertEquals(3, spans.size(), "front SERVER, CLIENT, back SERVER");
            for (ReceivedSpan span : spans) {
                assertEquals("otlp-e2e", OtlpReceiver.attribute(span.resource().getAttributesList(), "service.name"));
                assertEquals(TRACE, hex(span.span().getTraceId().toByteArray()));
            }
            Map<Span.SpanKind, Span> byKind = spans.stream().map(ReceivedSpan::span)
                    .filter(s -> !s.getName().endsWith("/back/{id}"))
                    .collect(Collectors.toMap(Span::getKind, Function.identity()));
            Span front = byKind.get(Span.SpanKind.SPAN_KIND_SERVER);
            Span client = byKind.get(Span.SpanKind.SPAN_KIND_CLIENT);
            Span back = spans.stream().map(ReceivedSpan::span).filter(s -> s.getName().endsWith("/back/{id}")).findFirst().orElseThrow();
            assertEquals("GET " + route, front.getName());
            assertEquals(route, OtlpReceiver.attribute(front.getAttributesList(), "http.route"));
            assertEquals("GET", OtlpReceiver.attribute(front.getAttributesList(), "http.request.method"));
            assertEquals("200", OtlpReceiver.attribute(front.getAttributesList(), "http.response.status_code"));
            assertEquals(CALLER, hex(front.getParentSpanId().toByteArray()));
            assertEquals(hex(front.getSpanId().toByteArray()), hex(client.getParentSpanId().toByteArray()));
            assertEquals(hex(client.getSpanId().toByteArray()), hex(back.getParentSpanId().toByteArray()));
            assertEquals(Span.SpanKind.SPAN_KIND_SERVER, back.getKind());
            assertTrue(OtlpReceiver.attribute(client.getAttributesList(), "url.full").endsWith("/back/5"));

            ReceivedMetric metric = durationMetric(receiver, route);
            assertEquals("otlp-e2e", OtlpReceiver.attribute(metric.resource().getAttributesList(), "service.name"));
            assertEquals("s", metric.metric().getUnit());
            HistogramDataPoint point = durationPoint(receiver, route);
            assertEquals(1, point.getCount());
            assertEquals("GET", OtlpReceiver.attribute(point.getAttributesList(), "http.request.method"));
            assertEquals("200", OtlpReceiver.attribute(point.getAttributesList(), "http.response.status_code"));
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void stoppingTheApplicationDeliversEverySpanStillQueued(Protocol protocol) {
        int requests = 300;
        try (OtlpReceiver receiver = OtlpReceiver.start(protocol, 0)) {
            try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("flush-" + protocol.ordinal(),
                    ExportSettings.otlp("flush", protocol, receiver.endpoint(), 0),
                    // Nothing leaves before the shutdown: no timer, and the burst is smaller than a batch.
                    "otel.bsp.schedule.delay=3600000", "otel.bsp.max.export.batch.size=1000"))) {
                Burst burst = Burst.get(app.applicationUri().resolve("orders/1"), requests, 8);
                assertEquals(requests, burst.count(200), burst.toString());
                assertEquals(0, receiver.spans().size(), "nothing exported before the shutdown");
            }
            long server = receiver.spans().stream().filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER).count();
            assertEquals(requests, server, "every span queued at shutdown reached the backend");
        }
    }

    private static ReceivedMetric durationMetric(OtlpReceiver receiver, String route) {
        return receiver.metrics().stream()
                .filter(m -> m.metric().getName().equals("http.server.request.duration"))
                .filter(m -> m.metric().getHistogram().getDataPointsList().stream()
                        .anyMatch(p -> route.equals(OtlpReceiver.attribute(p.getAttributesList(), "http.route"))))
                .findFirst().orElse(null);
    }

    private static HistogramDataPoint durationPoint(OtlpReceiver receiver, String route) {
        ReceivedMetric metric = durationMetric(receiver, route);
        return metric == null ? null : metric.metric().getHistogram().getDataPointsList().stream()
                .filter(p -> route.equals(OtlpReceiver.attribute(p.getAttributesList(), "http.route")))
                .findFirst().orElse(null);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
