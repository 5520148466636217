package io.github.otelcdi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.apps.hooks.ThrowingHook;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Server request and response hooks declared as CDI beans of the application. */
class HooksTest {

    @RegisterExtension
    static final DeployedApp shop = new DeployedApp(() -> Archives.hookedShop("hooked", Archives.TRACED, "shop.tenant=acme"));

    @Test
    void hooksRunInPriorityOrderWithTheirSpanCurrentAndInjectedConfig() {
        assertEquals(200, Http.get(shop.applicationUri().resolve("orders/5")).statusCode());
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
        Http.get(shop.applicationUri().resolve("orders/1"));
        Http.get(shop.applicationUri().resolve("orders/2"));
        List<SpanData> spans = CapturedSpans.await(2, s -> s.getName().endsWith("/hooked/api/orders/{id}"));
        assertEquals(2, spans.size());
        for (SpanData span : spans) {
            assertNotNull(attribute(span, "test.instance.request"));
            assertEquals(attribute(span, "test.instance.request"), attribute(span, "test.instance.response"));
        }
        assertNotEquals(attribute(spans.get(0), "test.instance.request"), attribute(spans.get(1), "test.instance.request"));
    }

    /** Its own deployment, so the "once per hook" log count starts from zero. */
    @Test
    void aThrowingHookIsIsolatedAndLoggedOncePerHook() {
        List<CapturedLog.Line> warnings;
        try (CapturedLog log = CapturedLog.otelCdi();
             WebArchiveDeployment app = WebArchiveDeployment.deploy(Archives.hookedShop("throwing", Archives.TRACED, "shop.tenant=t"))) {
            URI uri = app.applicationUri().resolve("orders/7");
            for (int i = 0; i < 5; i++) {
                assertEquals(200, Http.get(uri).statusCode());
            }
            List<SpanData> spans = CapturedSpans.await(5, s -> s.getName().endsWith("/throwing/api/orders/{id}"));
            assertEquals(5, spans.size());
            for (SpanData span : spans) {
                assertTrue(span.hasEnded());
                assertEquals("late", attribute(span, "test.request.last"), "hooks after the throwing one still run");
                assertEquals("late", attribute(span, "test.response.last"));
            }
            warnings = log.atLeast(Level.WARNING);
        }
        List<CapturedLog.Line> aboutTheHook = warnings.stream()
                .filter(line -> line.message().contains(ThrowingHook.class.getName())).toList();
        assertEquals(2, aboutTheHook.size(), "one warning for its request hook, one for its response hook: " + aboutTheHook);
        assertEquals(2, warnings.size(), "nothing else warned: " + warnings);
    }

    private static List<SpanData> server(String route) {
        return CapturedSpans.await(1, s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith(route));
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
