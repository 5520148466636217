package io.github.otelcdi.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.config.InstrumentationSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration otel-cdi falls back to when no MicroProfile Config implementation is installed. */
class FallbackConfigTest {

    @Test
    void readsTheApplicationsPropertiesFileAndTheDiscoveredDefaults(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/microprofile-config.properties"),
                "otel.sdk.disabled=false\notel.service.name=bare-weld\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Config config = FallbackConfig.load(loader);
            Map<String, String> sdk = SdkPropertiesBridge.otelProperties(config);
            assertEquals("bare-weld", sdk.get("otel.service.name"));
            assertEquals("false", sdk.get("otel.sdk.disabled"));
            assertEquals("tracecontext,baggage", sdk.get("otel.propagators"), "defaults source found through META-INF/services");
            assertTrue(!InstrumentationSettings.read(config).sdkDisabled());
        }
    }

    @Test
    void ordinalsDecideAndTheEnvironmentIsMapped() {
        Config config = FallbackConfig.of(List.of(
                new MapConfigSource("file", 100, Map.of("otel.service.name", "file", "otel.traces.exporter", "otlp")),
                new MapConfigSource("system", 400, Map.of("otel.service.name", "system")),
                new MapConfigSource("env-like", 300, Map.of("OTEL_TRACES_EXPORTER", "console"))));
        assertEquals("system", config.getValue("otel.service.name", String.class));
        assertEquals(400, config.getConfigValue("otel.service.name").getSourceOrdinal());
        assertEquals("otlp", config.getValue("otel.traces.exporter", String.class), "map sources do not map names");
        FallbackConfig.EnvironmentSource environment = new FallbackConfig.EnvironmentSource(
                Map.of("OTEL_SERVICE_NAME", "from-env", "otel_foo", "lower"));
        assertEquals("from-env", environment.getValue("otel.service.name"));
        assertEquals("lower", environment.getValue("otel.foo"));
        assertEquals(Boolean.TRUE, FallbackConfig.of(List.of(new MapConfigSource("f", 1, Map.of("b", "true"))))
                .getValue("b", Boolean.class));
    }
}
