package io.github.otelcdi.config.internal;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The configuration of an application: its MicroProfile Config, or {@link FallbackConfig} where none is installed. */
public final class ApplicationConfig {

    private static final Logger LOG = Logger.getLogger(ApplicationConfig.class.getName());

    private ApplicationConfig() {
    }

    /**
     * @param loader the application's class loader
     * @return the configuration otel-cdi reads for that application
     */
    public static Config of(ClassLoader loader) {
        try {
            return ConfigProvider.getConfig(loader);
        } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
            // The API throws this when no ConfigProviderResolver is on the class path.
            LOG.log(Level.INFO, "No MicroProfile Config implementation found; otel-cdi reads system properties, the "
                    + "environment and META-INF/microprofile-config.properties itself ({0})", e.getMessage());
            return FallbackConfig.load(loader);
        }
    }

    /**
     * @param properties fixed values, e.g. the settings an application passes in code
     * @return a configuration of those values alone
     */
    public static Config ofProperties(Map<String, String> properties) {
        return FallbackConfig.of(List.of(new MapConfigSource("properties given in code", 100, properties)));
    }
}
