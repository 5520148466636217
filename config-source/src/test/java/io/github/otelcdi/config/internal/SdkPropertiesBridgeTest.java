package io.github.otelcdi.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.otelcdi.config.TestConfigs;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class SdkPropertiesBridgeTest {

    @Test
    void defaultsFollowMicroProfileTelemetry() {
        Map<String, String> properties = SdkPropertiesBridge.otelProperties(TestConfigs.of(Map.of()));
        assertEquals("true", properties.get("otel.sdk.disabled"));
        assertEquals("tracecontext,baggage", properties.get("otel.propagators"));
        assertEquals("otlp", properties.get("otel.traces.exporter"));
        assertEquals("none", properties.get("otel.logs.exporter"));
        assertEquals("http/protobuf", properties.get("otel.exporter.otlp.protocol"));
    }

    @Test
    void everyOtelKeyIsHandedOverIncludingUnknownOnes() {
        Map<String, String> properties = SdkPropertiesBridge.otelProperties(TestConfigs.of(Map.of(
                "otel.service.name", "orders",
                "otel.exporter.my-vendor.api-key", "k",
                "otel.custom_sampler.ratio", "0.5",
                "not.otel.key", "x")));
        assertEquals("orders", properties.get("otel.service.name"));
        assertEquals("k", properties.get("otel.exporter.my.vendor.api.key"));
        assertEquals("0.5", properties.get("otel.custom_sampler.ratio"));
        assertFalse(properties.containsKey("not.otel.key"));
    }

    @Test
    void environmentSpellingIsBridgedAndWinsByOrdinal() {
        Map<String, String> properties = SdkPropertiesBridge.otelProperties(TestConfigs.of(
                Map.of("otel.service.name", "from-file", "otel.sdk.disabled", "false"),
                Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:4318/v1/traces")));
        assertEquals("from-env", properties.get("otel.service.name"));
        assertEquals("false", properties.get("otel.sdk.disabled"));
        assertEquals("http://127.0.0.1:4318/v1/traces", properties.get("otel.exporter.otlp.traces.endpoint"));
    }

    @Test
    void defaultsApplyOnlyToKeysNobodySet() {
        Map<String, String> properties = SdkPropertiesBridge.otelProperties(TestConfigs.of(
                Map.of("otel.propagators", "b3"), Map.of("OTEL_SDK_DISABLED", "false")));
        assertEquals("b3", properties.get("otel.propagators"));
        assertEquals("false", properties.get("otel.sdk.disabled"));
        assertEquals("none", properties.get("otel.logs.exporter"));
        assertEquals("http/protobuf", properties.get("otel.exporter.otlp.protocol"));
    }

    @Test
    void otelCdisOwnSwitchDecidesForItsSdkOnly() {
        Map<String, String> properties = SdkPropertiesBridge.otelProperties(TestConfigs.of(
                Map.of("otel.sdk.disabled", "true", "otel-cdi.sdk.disabled", "false")));
        assertEquals("false", properties.get("otel.sdk.disabled"));
        assertFalse(io.github.otelcdi.config.InstrumentationSettings.read(TestConfigs.of(
                Map.of("otel.sdk.disabled", "true", "otel-cdi.sdk.disabled", "false"))).sdkDisabled());
        assertTrue(io.github.otelcdi.config.InstrumentationSettings.read(TestConfigs.of(
                Map.of("otel.sdk.disabled", "false", "otel-cdi.sdk.disabled", "true"))).sdkDisabled());
    }

    @Test
    void defaultsAreNotPartOfTheApplicationsConfiguration() {
        // The server's own telemetry reads that configuration too; otel-cdi must not add keys to it.
        assertTrue(TestConfigs.of(Map.of()).getOptionalValue("otel.sdk.disabled", String.class).isEmpty());
        assertTrue(ServiceLoader.load(ConfigSource.class, getClass().getClassLoader()).stream().noneMatch(
                provider -> provider.type().getName().startsWith("io.github.otelcdi")));
    }
}
