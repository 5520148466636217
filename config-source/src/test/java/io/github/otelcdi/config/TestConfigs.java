package io.github.otelcdi.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** Real MicroProfile Config instances (SmallRye) with chosen properties and environment. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** A properties file at ordinal 100 and an environment at 300, as MicroProfile Config orders them. */
    public static Config of(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "microprofile-config.properties", 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    public static Config of(Map<String, String> properties) {
        return of(properties, Map.of());
    }
}
