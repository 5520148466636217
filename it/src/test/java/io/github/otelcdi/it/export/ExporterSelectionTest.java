package io.github.otelcdi.it.export;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.CapturedSpans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exporters picked by name that need no backend: {@code console} (alias {@code logging}) and {@code none}. */
class ExporterSelectionTest {

    @Test
    void consoleWritesEachSpanToTheLog() {
        try (CapturedLog log = CapturedLog.of("io.opentelemetry.exporter.logging");
             WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("console", "otel.sdk.disabled=false",
                     "otel.traces.exporter=console", "otel.metrics.exporter=none", "otel.logs.exporter=none"))) {
            assertEquals(200, Http.get(app.applicationUri().resolve("orders/4")).statusCode());
            CapturedLog.Line line = log.await("GET /console/api/orders/{id}", Duration.ofSeconds(10));
            assertTrue(line.message().contains("SERVER"), line.message());
        }
    }

    @Test
    void noneExportsNothingAndTheApplicationWorks() {
        CapturedSpans.clearWhenQuiet();
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("none", "otel.sdk.disabled=false",
                "otel.traces.exporter=none", "otel.metrics.exporter=none", "otel.logs.exporter=none"))) {
            assertEquals("order 5", Http.get(app.applicationUri().resolve("orders/5")).body());
        }
        CapturedSpans.assertNoneWithin(Duration.ofMillis(300));
    }
}
