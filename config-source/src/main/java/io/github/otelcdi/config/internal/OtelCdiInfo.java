package io.github.otelcdi.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The instrumentation scope otel-cdi reports: one name, the version of the jar. */
public final class OtelCdiInfo {

    /** Instrumentation scope name of every span and metric otel-cdi records. */
    public static final String SCOPE_NAME = "io.github.otelcdi";

    /** The version of otel-cdi, from the build. */
    public static final String VERSION = readVersion();

    private OtelCdiInfo() {
    }

    private static String readVersion() {
        try (InputStream in = OtelCdiInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
