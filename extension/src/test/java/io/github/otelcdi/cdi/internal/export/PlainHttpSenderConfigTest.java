package io.github.otelcdi.cdi.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Which sender settings get the deferred TLS context, and that everything else is the SDK's. */
class PlainHttpSenderConfigTest {

    @Test
    void onlyAPlainHttpEndpointWithoutTlsSettingsGetsTheDeferredContext() throws Exception {
        HttpSenderConfig plain = config("http://collector:4318/v1/traces", null);
        HttpSenderConfig changed = PlainHttpSenderConfig.of(plain);
        assertTrue(changed.getSslContext() instanceof DeferredTlsContext);
        for (Method setting : HttpSenderConfig.class.getMethods()) {
            if (!setting.getName().equals("getSslContext")) {
                assertEquals(setting.invoke(plain), setting.invoke(changed), setting.getName());
            }
        }

        HttpSenderConfig secure = config("https://collector:4318/v1/traces", null);
        assertSame(secure, PlainHttpSenderConfig.of(secure));
        HttpSenderConfig ownTls = config("http://collector:4318/v1/traces", SSLContext.getInstance("TLS"));
        assertSame(ownTls, PlainHttpSenderConfig.of(ownTls));
    }

    /** A later SDK adding a setting with a default must not make the wrapper hide the exporter's value of it. */
    @Test
    void everySettingIsPassedOn() {
        for (Method setting : HttpSenderConfig.class.getMethods()) {
            try {
                PlainHttpSenderConfig.class.getDeclaredMethod(setting.getName(), setting.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(setting + " is not passed on by " + PlainHttpSenderConfig.class.getSimpleName(), e);
            }
        }
    }

    /** Settings with a distinct value each, as the SDK would hand them to the sender. */
    private static HttpSenderConfig config(String endpoint, SSLContext tls) {
        Map<String, Object> values = new HashMap<>();
        values.put("getEndpoint", URI.create(endpoint));
        values.put("getSslContext", tls);
        values.put("getContentType", "application/x-protobuf");
        values.put("getTimeout", Duration.ofSeconds(7));
        values.put("getConnectTimeout", Duration.ofSeconds(3));
        values.put("getHeadersSupplier", (Supplier<Map<String, List<String>>>) Map::of);
        values.put("getMaxResponseBodySize", 1234L);
        values.put("getEnabledProtocols", List.of("TLSv1.3"));
        return (HttpSenderConfig) Proxy.newProxyInstance(PlainHttpSenderConfigTest.class.getClassLoader(), new Class<?>[] {HttpSenderConfig.class},
                (proxy, method, args) -> values.get(method.getName()));
    }
}
