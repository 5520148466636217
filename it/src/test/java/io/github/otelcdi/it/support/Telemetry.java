package io.github.otelcdi.it.support;

import io.github.otelcdi.it.backends.OtlpConversions;
import io.github.otelcdi.it.backends.OtlpReceiver;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the applications under test send their telemetry, whatever runtime serves them (Weld SE in
 * this JVM or an application server in another): one OTLP/HTTP receiver on 127.0.0.1 for the whole
 * test run, whose spans, metric points and log records arrive here as the SDK's own data types.
 */
public final class Telemetry {

    private static final OtlpReceiver RECEIVER = start();

    private Telemetry() {
    }

    private static OtlpReceiver start() {
        OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Protocol.HTTP_PROTOBUF, 0);
        receiver.subscribe(new OtlpReceiver.Listener() {
            @Override
            public void span(OtlpReceiver.ReceivedSpan span) {
                CapturedSpans.add(OtlpConversions.span(span.resource(), span.scope(), span.span()));
            }

            @Override
            public void metric(OtlpReceiver.ReceivedMetric metric) {
                CapturedMetrics.exported(resourceKey(metric.resource()), metric.metric().getName(), points(metric.metric()));
            }

            @Override
            public void log(OtlpReceiver.ReceivedLog log) {
                CapturedLogs.add(OtlpConversions.log(log.resource(), log.scope(), log.log()));
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "otlp-receiver-stop"));
        return receiver;
    }

    /** @return the value of {@code otel.exporter.otlp.endpoint} for an application under test */
    public static String endpoint() {
        return RECEIVER.endpoint();
    }

    /** Forgets the raw messages; what was converted stays with {@link CapturedSpans} and the others. */
    static void dropRaw() {
        RECEIVER.clear();
    }

    private static String resourceKey(io.opentelemetry.proto.resource.v1.Resource resource) {
        return OtlpConversions.resource(resource).getAttributes().toString();
    }

    private static List<PointData> points(Metric metric) {
        List<PointData> points = new ArrayList<>();
        switch (metric.getDataCase()) {
            case HISTOGRAM -> {
                for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
                    points.add(HistogramPointData.create(point.getStartTimeUnixNano(), point.getTimeUnixNano(),
                            OtlpConversions.attributes(point.getAttributesList()), point.getSum(), point.hasMin(), point.getMin(),
                            point.hasMax(), point.getMax(), point.getExplicitBoundsList(), point.getBucketCountsList()));
                }
            }
            case SUM -> addNumbers(points, metric.getSum().getDataPointsList());
            case GAUGE -> addNumbers(points, metric.getGauge().getDataPointsList());
            default -> {
                // Other kinds are not asserted on; that they arrived is enough.
            }
        }
        return points;
    }

    private static void addNumbers(List<PointData> points, List<NumberDataPoint> numbers) {
        for (NumberDataPoint point : numbers) {
            long value = point.hasAsInt() ? point.getAsInt() : (long) point.getAsDouble();
            points.add(LongPointData.create(point.getStartTimeUnixNano(), point.getTimeUnixNano(),
                    OtlpConversions.attributes(point.getAttributesList()), value));
        }
    }
}
