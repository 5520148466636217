package io.github.otelcdi.servers;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.servers.app.ShopApplication;
import io.github.otelcdi.servers.app.TagHook;
import io.github.otelcdi.testing.OtelCdiTesting;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.TracesAssert;
import io.opentelemetry.semconv.HttpAttributes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test runs inside the server, in the application, and reads the application's telemetry from
 * the {@code memory} exporters of otel-cdi-testing, as a user's Arquillian test would: no receiver,
 * no export over the network.
 */
@Tag("servers")
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "otel-cdi.lane", matches = "liberty", disabledReason = "not on liberty: Arquillian's in-container "
        + "protocol is a servlet, and this lane's Liberty runs without the servlet feature (README, limits)")
class InContainerTracingIT {

    private static final String CONTEXT = "incontainer";
    private static final String TARGET = "META-INF/in-container-target.properties";

    @RegisterExtension
    static final OtelCdiTesting OTEL = OtelCdiTesting.forApplication();

    @Deployment
    static WebArchive application() {
        String base = "http://127.0.0.1:" + System.getProperty("servers.http.port") + "/" + CONTEXT + "/api/";
        return ShrinkWrap.create(WebArchive.class, CONTEXT + ".war")
                .addPackage(ShopApplication.class.getPackage())
                .addAsLibrary(jarOf(OtelCdiTesting.class))
                .addAsLibrary(withoutContextStorage(jarOf(TracesAssert.class)))
                .addAsLibrary(jarOf(Assertions.class))
                .addAsResource(new StringAsset(String.join("\n",
                        "otel.sdk.disabled=false",
                        "otel.service.name=" + CONTEXT,
                        "otel.traces.exporter=memory",
                        "otel.metrics.exporter=none",
                        "otel.logs.exporter=none") + "\n"), "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset("base=" + base + "\n"), TARGET);
    }

    @Test
    void requestInTheServerIsReadFromTheApplicationsStore() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(base().resolve("orders/5")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());

        OTEL.telemetry().assertTraces(3).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                order -> order.hasName("GET /" + CONTEXT + "/api/orders/{id}").hasKind(SpanKind.SERVER).hasNoParent()
                        .hasAttribute(HttpAttributes.HTTP_ROUTE, "/" + CONTEXT + "/api/orders/{id}")
                        .hasAttribute(stringKey(TagHook.ATTRIBUTE), TagHook.VALUE),
                call -> call.hasName("GET").hasKind(SpanKind.CLIENT).hasParent(trace.getSpan(0))
                        .hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L),
                stock -> stock.hasName("GET /" + CONTEXT + "/api/stock/{id}").hasKind(SpanKind.SERVER).hasParent(trace.getSpan(1))));
    }

    private static URI base() throws IOException {
        Properties target = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(TARGET)) {
            target.load(in);
        }
        return URI.create(target.getProperty("base"));
    }

    /**
     * opentelemetry-sdk-testing names a context storage of its own in {@code META-INF/services}; in
     * a server with OpenTelemetry of its own (Payara) that file breaks the server's context storage
     * for every request of the application, so the kit's users package the jar without it (README).
     */
    private static JavaArchive withoutContextStorage(File jar) {
        JavaArchive archive = ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
        archive.delete("META-INF/services/io.opentelemetry.context.ContextStorageProvider");
        return archive;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
