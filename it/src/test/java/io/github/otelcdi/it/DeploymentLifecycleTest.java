package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.ArchiveSpanExporterProvider;
import io.github.otelcdi.it.apps.OwnTracerProducer;
import io.github.otelcdi.it.container.DeploymentFailure;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ServiceAttributes;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SDK on and off, exporters from the archive, several applications in one JVM, bad settings. */
class DeploymentLifecycleTest {

    @BeforeEach
    void clear() {
        CapturedSpans.clearWhenQuiet();
    }

    @Test
    void sdkDisabledByDefaultRecordsNothingAndTheAppStillWorks() {
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("default-off",
                "otel.traces.exporter=" + InMemorySpanExporterProvider.NAME, "otel.bsp.schedule.delay=20"))) {
            assertEquals("order 1", Http.get(app.applicationUri().resolve("orders/1")).body());
            assertEquals(200, Http.get(app.applicationUri().resolve("tracing")).statusCode());
        }
        CapturedSpans.assertNoneWithin(Duration.ofMillis(300));
    }

    @Test
    void sdkDisabledExplicitlyRecordsNothing() {
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("explicit-off", Archives.TRACED,
                "otel.sdk.disabled=true"))) {
            assertEquals("order 1", Http.get(app.applicationUri().resolve("orders/1")).body());
        }
        CapturedSpans.assertNoneWithin(Duration.ofMillis(300));
    }

    @Test
    void exporterShippedInTheArchiveIsUsed() {
        WebArchive archive = Archives.shop("own-exporter", "otel.sdk.disabled=false", "otel.traces.exporter=archive",
                        "otel.metrics.exporter=none", "otel.bsp.schedule.delay=20")
                .addClass(ArchiveSpanExporterProvider.class)
                .addAsResource(new StringAsset(ArchiveSpanExporterProvider.class.getName() + "\n"),
                        "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider");
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(archive)) {
            Http.get(app.applicationUri().resolve("orders/3"));
            CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER);
            ClassLoader exporterLoader = CapturedSpans.all().get(0).exporterLoader();
            assertSame(app.classLoader(), exporterLoader, "the archive's own exporter class received the span");
        }
    }

    @Test
    void applicationsDeployedOneAfterAnotherEachHaveTheirOwnSdk() {
        try (WebArchiveDeployment first = WebArchiveDeployment.deploy(Archives.shop("first", Archives.TRACED,
                "otel.service.name=first-service"))) {
            Http.get(first.applicationUri().resolve("orders/1"));
            CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER);
        }
        List<CapturedSpans.Exported> afterFirst = CapturedSpans.all();
        try (WebArchiveDeployment second = WebArchiveDeployment.deploy(Archives.shop("second", Archives.TRACED,
                "otel.service.name=second-service"))) {
            Http.get(second.applicationUri().resolve("orders/2"));
            Http.get(second.applicationUri().resolve("orders/3"));
            CapturedSpans.await(3, s -> s.getKind() == SpanKind.SERVER);
        }
        List<SpanData> spans = CapturedSpans.all().stream().map(CapturedSpans.Exported::span).toList();
        assertEquals(1, afterFirst.size());
        assertEquals("first-service", spans.get(0).getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
        assertEquals("GET /first/api/orders/{id}", spans.get(0).getName());
        for (SpanData span : spans.subList(1, spans.size())) {
            assertEquals("second-service", span.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
            assertEquals("GET /second/api/orders/{id}", span.getName());
        }
        assertNotSame(spans.get(0).getResource(), spans.get(1).getResource());
    }

    @Test
    void invalidSettingStopsDeploymentNamingKeyValueAndExpectedForm() {
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> WebArchiveDeployment.deploy(
                Archives.shop("bad-regex", Archives.TRACED, "otel.instrumentation.http.server.excluded-urls=/ok,[unclosed")));
        String message = failure.getMessage();
        assertTrue(message.contains("otel.instrumentation.http.server.excluded-urls"), message);
        assertTrue(message.contains("[unclosed"), message);
        assertTrue(message.contains("regular expression"), message);
    }

    @Test
    void enablingTheSdkWithNothingElseSetStartsWithTheDefaultOtlpExporters() {
        // OTLP over http/protobuf to a collector that is not there: the app must start and serve.
        try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.shop("defaults-on", "otel.sdk.disabled=false",
                "otel.exporter.otlp.endpoint=http://127.0.0.1:9"))) {
            assertEquals("order 1", Http.get(app.applicationUri().resolve("orders/1")).body());
        }
    }

    @Test
    void unknownExporterStopsDeploymentWithTheSdkMessage() {
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> WebArchiveDeployment.deploy(
                Archives.shop("bad-exporter", "otel.sdk.disabled=false", "otel.traces.exporter=no-such-exporter")));
        assertTrue(failure.getMessage().contains("no-such-exporter"), failure.getMessage());
    }

    @Test
    void secondOpenTelemetryProducerStopsDeploymentSayingWhyBeforeAnyAmbiguity() {
        WebArchive archive = Archives.shop("two-tracers", Archives.TRACED).addClass(OwnTracerProducer.class);
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> WebArchiveDeployment.deploy(archive));
        assertTrue(failure.getMessage().contains(OwnTracerProducer.class.getName() + " also provides OpenTelemetry beans"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Application servers"), failure.getMessage());
    }

    @Test
    void invalidBooleanStopsDeployment() {
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> WebArchiveDeployment.deploy(
                Archives.shop("bad-boolean", "otel.sdk.disabled=maybe")));
        assertTrue(failure.getMessage().contains("otel.sdk.disabled: 'maybe'; expected true or false"), failure.getMessage());
    }
}
