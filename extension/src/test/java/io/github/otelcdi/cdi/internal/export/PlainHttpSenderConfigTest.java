package io.github.otelcdi.cdi.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** Which sender settings get the deferred TLS context, and that everything else is the SDK's. */
class PlainHttpSenderConfigTest {

    @Test
    void onlyAPlainHttpEndpointWithoutTlsSettingsGetsTheDeferredContext() throws Exception {
        HttpSenderConfig plain = config("http://collector:4318/v1/traces", null, null);
        HttpSenderConfig changed = PlainHttpSenderConfig.of(plain);
        assertTrue(changed.getSslContext() instanceof DeferredTlsContext);
        for (Method setting : HttpSenderConfig.class.getMethods()) {
            if (!setting.getName().equals("getSslContext")) {
                Object expected = setting.invoke(plain);
                if (setting.getReturnType().isPrimitive()) {
                    assertEquals(expected, setting.invoke(changed), setting.getName());
                } else {
                    assertSame(expected, setting.invoke(changed), setting.getName());
                }
            }
        }

        HttpSenderConfig secure = config("https://collector:4318/v1/traces", null, null);
        assertSame(secure, PlainHttpSenderConfig.of(secure));
        HttpSenderConfig ownTls = config("http://collector:4318/v1/traces", SSLContext.getInstance("TLS"), null);
        assertSame(ownTls, PlainHttpSenderConfig.of(ownTls));
        X509TrustManager trust = (X509TrustManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {X509TrustManager.class},
                (proxy, method, args) -> null);
        HttpSenderConfig ownTrust = config("http://collector:4318/v1/traces", null, trust);
        assertSame(ownTrust, PlainHttpSenderConfig.of(ownTrust));
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

    /** Settings with a value of their own each (an object where the setting is one), as the SDK would hand them to the sender. */
    private static HttpSenderConfig config(String endpoint, SSLContext tls, X509TrustManager trust) {
        Map<String, Object> values = new HashMap<>();
        values.put("getEndpoint", URI.create(endpoint));
        values.put("getSslContext", tls);
        values.put("getTrustManager", trust);
        values.put("getContentType", "application/x-protobuf");
        values.put("getTimeout", Duration.ofSeconds(7));
        values.put("getConnectTimeout", Duration.ofSeconds(3));
        values.put("getHeadersSupplier", (Supplier<Map<String, List<String>>>) Map::of);
        values.put("getProxyOptions", ProxyOptions.create(InetSocketAddress.createUnresolved("proxy", 3128)));
        values.put("getRetryPolicy", RetryPolicy.getDefault());
        values.put("getMaxResponseBodySize", 1234L);
        values.put("getEnabledProtocols", List.of("TLSv1.3"));
        for (Method setting : HttpSenderConfig.class.getMethods()) {
            if (!values.containsKey(setting.getName())) {
                // Any other setting is an interface (compressor, executor): a stand-in of its own.
                values.put(setting.getName(), Proxy.newProxyInstance(PlainHttpSenderConfigTest.class.getClassLoader(),
                        new Class<?>[] {setting.getReturnType()}, (proxy, method, args) -> null));
            }
        }
        return (HttpSenderConfig) Proxy.newProxyInstance(PlainHttpSenderConfigTest.class.getClassLoader(), new Class<?>[] {HttpSenderConfig.class},
                (proxy, method, args) -> values.get(method.getName()));
    }
}
