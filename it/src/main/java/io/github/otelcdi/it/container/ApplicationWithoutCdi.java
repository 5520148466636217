package io.github.otelcdi.it.container;

import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What a plain Jersey application (HK2 only, no CDI container) does to be traced: builds its SDK with
 * autoconfigure from its own properties (here the archive's {@code microprofile-config.properties},
 * nothing else), reads otel-cdi's settings from the same properties, and registers
 * {@link JaxRsTelemetry}'s features. With {@code otel.sdk.disabled} unset or true, it registers nothing.
 */
final class ApplicationWithoutCdi implements AutoCloseable {

    private static final String PROPERTIES = "META-INF/microprofile-config.properties";

    private final OpenTelemetrySdk sdk;
    private final JaxRsTelemetry telemetry;

    private ApplicationWithoutCdi(OpenTelemetrySdk sdk, JaxRsTelemetry telemetry) {
        this.sdk = sdk;
        this.telemetry = telemetry;
    }

    /**
     * @param loader the archive's class loader, the thread's context loader meanwhile
     * @return the application's telemetry; a no-op one when the archive does not turn the SDK on
     * @throws IOException when the archive's properties cannot be read
     */
    static ApplicationWithoutCdi setUp(ClassLoader loader) throws IOException {
        Map<String, String> properties = properties(loader.getResource(PROPERTIES));
        InstrumentationSettings settings = InstrumentationSettings.fromProperties(properties);
        if (settings.sdkDisabled()) {
            return new ApplicationWithoutCdi(null, null);
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> properties)
                .setServiceClassLoader(loader)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new ApplicationWithoutCdi(sdk, JaxRsTelemetry.builder(sdk).setSettings(settings).build());
    }

    /** @param config the application's Jersey configuration, to register the server feature on */
    void register(ResourceConfig config) {
        if (telemetry != null) {
            config.register(telemetry.serverFeature());
        }
    }

    /** Flushes and shuts the SDK down, as the application's end would. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }

    private static Map<String, String> properties(URL file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
            properties.load(in);
        }
        properties.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        return values;
    }
}
