package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.ArchiveSpanExporterProvider;
import io.github.otelcdi.it.apps.OwnTracerProducer;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.DeployedUrls;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.ServerLog;
import io.github.otelcdi.it.support.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ServiceAttributes;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** SDK on and off, exporters from the archive, applications one after another, bad settings stop the deployment. */
@BehaviourTest
class DeploymentLifecycleTest {

    private static final String ENDPOINT = "otel.exporter.otlp.endpoint=" + Telemetry.endpoint();

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("default-off")
    private URL defaultOff;

    @ArquillianResource
    @OperateOnDeployment("explicit-off")
    private URL explicitOff;

    @ArquillianResource
    @OperateOnDeployment("own-exporter")
    private URL ownExporter;

    @ArquillianResource
    @OperateOnDeployment("defaults-on")
    private URL defaultsOn;

    @Deployment(name = "default-off", testable = false)
    static WebArchive defaultOff() {
        return Archives.shop("default-off", "otel.traces.exporter=otlp", ENDPOINT, "otel.bsp.schedule.delay=20");
    }

    @Deployment(name = "explicit-off", testable = false)
    static WebArchive explicitOff() {
        return Archives.shop("explicit-off", Archives.TRACED, "otel.sdk.disabled=true");
    }

    @Deployment(name = "own-exporter", testable = false)
    static WebArchive ownExporter() {
        return Archives.shop("own-exporter", "otel.sdk.disabled=false", "otel.traces.exporter=archive", ENDPOINT,
                        "otel.metrics.exporter=none", "otel.logs.exporter=none", "otel.bsp.schedule.delay=20")
                .addClass(ArchiveSpanExporterProvider.class)
                .addAsResource(new StringAsset(ArchiveSpanExporterProvider.class.getName() + "\n"),
                        "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider");
    }

    /** OTLP over http/protobuf to a collector that is not there: the app must start and serve. */
    @Deployment(name = "defaults-on", testable = false)
    static WebArchive defaultsOn() {
        return Archives.shop("defaults-on", "otel.sdk.disabled=false", "otel.exporter.otlp.endpoint=http://127.0.0.1:9");
    }

    @Deployment(name = "first", managed = false, testable = false)
    static WebArchive first() {
        return Archives.shop("first", Archives.TRACED, "otel.service.name=first-service");
    }

    @Deployment(name = "second", managed = false, testable = false)
    static WebArchive second() {
        return Archives.shop("second", Archives.TRACED, "otel.service.name=second-service");
    }

    @Deployment(name = "bad-regex", managed = false, testable = false)
    static WebArchive badRegex() {
        return Archives.shop("bad-regex", Archives.TRACED, "otel.instrumentation.http.server.excluded-urls=/ok,[unclosed");
    }

    @Deployment(name = "bad-exporter", managed = false, testable = false)
    static WebArchive badExporter() {
        return Archives.shop("bad-exporter", "otel.sdk.disabled=false", "otel.traces.exporter=no-such-exporter");
    }

    @Deployment(name = "two-tracers", managed = false, testable = false)
    static WebArchive twoTracers() {
        return Archives.shop("two-tracers", Archives.TRACED).addClass(OwnTracerProducer.class);
    }

    @Deployment(name = "bad-boolean", managed = false, testable = false)
    static WebArchive badBoolean() {
        return Archives.shop("bad-boolean", Archives.TRACED, "otel.instrumentation.log-correlation.enabled=maybe");
    }

    @Test
    void sdkDisabledByDefaultRecordsNothingAndTheAppStillWorks() {
        assertEquals("order 1", Http.get(api(defaultOff, "orders/1")).body());
        assertEquals(200, Http.get(api(defaultOff, "tracing")).statusCode());
        assertEquals("0", Http.get(api(defaultOff, "tracing/interceptors")).body(),
                "with telemetry off no otel-cdi interceptor wraps the application's calls");
        CapturedSpans.assertNoneWithin(Duration.ofMillis(500));
    }

    @Test
    void sdkDisabledExplicitlyRecordsNothing() {
        assertEquals("order 1", Http.get(api(explicitOff, "orders/1")).body());
        CapturedSpans.assertNoneWithin(Duration.ofMillis(500));
    }

    @Test
    void exporterShippedInTheArchiveIsUsed() {
        Http.get(api(ownExporter, "orders/3"));
        SpanData span = CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER).get(0);
        assertEquals("archive", span.getAttributes().get(AttributeKey.stringKey(ArchiveSpanExporterProvider.ATTRIBUTE)),
                "the archive's own exporter sent the span");
    }

    @Test
    void enablingTheSdkWithNothingElseSetStartsWithTheDefaultOtlpExporters() {
        assertEquals("order 1", Http.get(api(defaultsOn, "orders/1")).body());
        assertEquals("2", Http.get(api(defaultsOn, "tracing/interceptors")).body(),
                "one interceptor for resource methods, one for @WithSpan");
    }

    @Test
    void applicationsDeployedOneAfterAnotherEachHaveTheirOwnSdk() {
        deployer.deploy("first");
        try {
            Http.get(DeployedUrls.of("first").resolve("api/orders/1"));
            CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER);
        } finally {
            deployer.undeploy("first");
        }
        List<SpanData> afterFirst = CapturedSpans.all();
        deployer.deploy("second");
        try {
            Http.get(DeployedUrls.of("second").resolve("api/orders/2"));
            Http.get(DeployedUrls.of("second").resolve("api/orders/3"));
            CapturedSpans.await(3, s -> s.getKind() == SpanKind.SERVER);
        } finally {
            deployer.undeploy("second");
        }
        List<SpanData> spans = CapturedSpans.all();
        assertEquals(1, afterFirst.size());
        assertEquals("first-service", spans.get(0).getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
        assertEquals("GET /first/api/orders/{id}", spans.get(0).getName());
        for (SpanData span : spans.subList(1, spans.size())) {
            assertEquals("second-service", span.getResource().getAttribute(ServiceAttributes.SERVICE_NAME));
            assertEquals("GET /second/api/orders/{id}", span.getName());
        }
    }

    @Test
    void invalidSettingStopsDeploymentNamingKeyValueAndExpectedForm() {
        String message = deploymentFailure("bad-regex");
        assertTrue(message.contains("otel.instrumentation.http.server.excluded-urls"), message);
        assertTrue(message.contains("[unclosed"), message);
        assertTrue(message.contains("regular expression"), message);
    }

    @Test
    void unknownExporterStopsDeploymentWithTheSdkMessage() {
        String message = deploymentFailure("bad-exporter");
        assertTrue(message.contains("no-such-exporter"), message);
    }

    @Test
    void secondOpenTelemetryProducerStopsDeploymentSayingWhyBeforeAnyAmbiguity() {
        String message = deploymentFailure("two-tracers");
        assertTrue(message.contains(OwnTracerProducer.class.getName() + " also provides OpenTelemetry beans"), message);
        assertTrue(message.contains("Application servers"), message);
    }

    @Test
    void invalidBooleanStopsDeployment() {
        String message = deploymentFailure("bad-boolean");
        assertTrue(message.contains("otel.instrumentation.log-correlation.enabled: 'maybe'; expected true or false"), message);
    }

    /**
     * @return the messages of the failure, cause by cause, as the runtime reported it, and what the
     *         server logged meanwhile where the lane names its log (some adapters pass on the first line only)
     */
    private String deploymentFailure(String name) {
        ServerLog log = ServerLog.ofLane();
        try {
            deployer.deploy(name);
        } catch (Exception e) {
            // Arquillian rethrows the container's checked DeploymentException as it is.
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = e; cause != null && messages.length() < 100_000; cause = cause.getCause()) {
                messages.append(cause).append('\n');
            }
            return messages.append(log.written()).toString();
        } finally {
            try {
                deployer.undeploy(name);
            } catch (Exception alreadyGone) {
                // A deployment that failed may not be there to undeploy.
            }
        }
        throw new AssertionError(name + " was deployed although it must not be");
    }

    private static URI api(URL context, String path) {
        return URI.create(context.toExternalForm()).resolve("api/" + path);
    }
}
