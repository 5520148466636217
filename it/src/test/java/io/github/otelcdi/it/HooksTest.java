package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.hooks.ThrowingHook;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.BehaviourTest;
import io.github.otelcdi.it.support.CapturedLogs;
import io.github.otelcdi.it.support.CapturedSpans;
import io.github.otelcdi.it.support.Http;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Server request and response hooks declared as CDI beans of the application. */
@BehaviourTest
class HooksTest {

    private static final String THROWING = "throwing";

    @ArquillianResource
    @OperateOnDeployment("hooked")
    private URL hooked;

    @ArquillianResource
    @OperateOnDeployment(THROWING)
    private URL throwing;

    @Deployment(name = "hooked", testable = false)
    static WebArchive hooked() {
        return Archives.hookedShop("hooked", Archives.TRACED, "shop.tenant=acme");
    }

    /** Its own deployment, exporting its log records, so the "once per hook" count is its own. */
    @Deployment(name = THROWING, testable = false)
    static WebArchive throwing() {
        return Archives.hookedShop(THROWING, Archives.TRACED, Archives.LOGS_EXPORTED, "shop.tenant=t");
    }

    @Test
    void hooksRunInPriorityOrderWithTheirSpanCurrentAndInjectedConfig() {
        assertEquals(200, Http.get(api(hooked, "orders/5")).statusCode());
        SpanData span = server("/hooked/api/orders/{id}").get(0);
        assertEquals("orders/5", attribute(span, "test.request.early"));
        assertEquals("late", attribute(span, "test.request.last"), "@Priority(200) runs after @Priority(100)");
        assertEquals(Boolean.TRUE, span.getAttributes().get(AttributeKey.booleanKey("test.request.current")));
        assertEquals("acme", attribute(span, "test.tenant"));
        assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("test.response.early")));
        assertEquals("late", attribute(span, "test.response.last"));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    }

    @Test
    void requestScopedHookGetsTheInstanceOfItsRequest() {
        Http.get(api(hooked, "orders/1"));
        Http.get(api(hooked, "orders/2"));
        List<SpanData> spans = CapturedSpans.await(2, s -> s.getName().endsWith("/hooked/api/orders/{id}"));
        assertEquals(2, spans.size());
        for (SpanData span : spans) {
            assertNotNull(attribute(span, "test.instance.request"));
            assertEquals(attribute(span, "test.instance.request"), attribute(span, "test.instance.response"));
        }
        assertNotEquals(attribute(spans.get(0), "test.instance.request"), attribute(spans.get(1), "test.instance.request"));
    }

    @Test
    void aThrowingHookIsIsolatedAndLoggedOncePerHook() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Http.get(api(throwing, "orders/7")).statusCode());
        }
        List<SpanData> spans = CapturedSpans.await(5, s -> s.getName().endsWith("/throwing/api/orders/{id}"));
        assertEquals(5, spans.size());
        for (SpanData span : spans) {
            assertTrue(span.hasEnded());
            assertEquals("late", attribute(span, "test.request.last"), "hooks after the throwing one still run");
            assertEquals("late", attribute(span, "test.response.last"));
        }
        // Deployed for this class alone, so every warning of otel-cdi's it exported belongs to these requests.
        List<LogRecordData> aboutTheHook = CapturedLogs.await(2, log -> otelCdiWarning(log)
                && log.getBodyValue().asString().contains(ThrowingHook.class.getName()));
        assertEquals(2, aboutTheHook.size(), "one warning for its request hook, one for its response hook: " + aboutTheHook);
        List<LogRecordData> warnings = CapturedLogs.exported(HooksTest::otelCdiWarning);
        assertEquals(2, warnings.size(), "nothing else warned: " + warnings);
    }

    private static boolean otelCdiWarning(LogRecordData log) {
        return log.getInstrumentationScopeInfo().getName().startsWith("io.github.otelcdi")
                && log.getSeverity().getSeverityNumber() >= Severity.WARN.getSeverityNumber()
                && log.getBodyValue() != null;
    }

    private static List<SpanData> server(String route) {
        return CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith(route));
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static URI api(URL context, String path) {
        return URI.create(context.toExternalForm()).resolve("api/" + path);
    }
}
