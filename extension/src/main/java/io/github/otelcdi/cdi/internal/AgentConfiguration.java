package io.github.otelcdi.cdi.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenTelemetry Java agent's switches, read where the agent reads them (system properties, then
 * environment variables, then its configuration file): the agent does not tell the application.
 */
final class AgentConfiguration {

    private static final Logger LOG = Logger.getLogger(AgentConfiguration.class.getName());
    private static final String CONFIGURATION_FILE = "otel.javaagent.configuration-file";
    private static final String DEFAULT_ENABLED = "otel.instrumentation.common.default-enabled";
    private static final String ANNOTATIONS_ENABLED = "otel.instrumentation.opentelemetry-instrumentation-annotations.enabled";
    private static final String ANNOTATIONS_ENABLED_SHORT = "otel.instrumentation.annotations.enabled";

    private final Properties file;

    private AgentConfiguration(Properties file) {
        this.file = file;
    }

    /** @return the agent's configuration as this JVM was started with it */
    static AgentConfiguration read() {
        Properties file = new Properties();
        String path = value(new Properties(), CONFIGURATION_FILE);
        if (path != null) {
            try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "otel-cdi could not read the agent's configuration file " + path, e);
            }
        }
        return new AgentConfiguration(file);
    }

    /** @return whether the agent traces {@code @WithSpan} methods itself (its annotation instrumentation is on) */
    boolean tracesWithSpan() {
        // As the agent decides: any of the instrumentation's names switched off wins, then any switched
        // on, then the default for all instrumentations.
        String full = value(file, ANNOTATIONS_ENABLED);
        String shortName = value(file, ANNOTATIONS_ENABLED_SHORT);
        if (isFalse(full) || isFalse(shortName)) {
            return false;
        }
        if (full != null || shortName != null) {
            return true;
        }
        return !isFalse(value(file, DEFAULT_ENABLED));
    }

    private static boolean isFalse(String value) {
        return value != null && value.trim().equalsIgnoreCase("false");
    }

    private static String value(Properties file, String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value != null ? value : file.getProperty(key);
    }
}
