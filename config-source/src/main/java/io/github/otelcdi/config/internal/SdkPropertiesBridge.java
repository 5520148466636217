package io.github.otelcdi.config.internal;

import io.github.otelcdi.config.InvalidSettingException;
import io.github.otelcdi.config.SettingKeys;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Hands every {@code otel.*} key visible in MicroProfile Config, and its {@code OTEL_*}
 * environment spelling, to the SDK's autoconfigure, known keys or not (custom SPI keys too).
 */
public final class SdkPropertiesBridge {

    private static final String DOTTED_PREFIX = "otel.";
    private static final String ENV_PREFIX = "OTEL_";

    private SdkPropertiesBridge() {
    }

    /**
     * Collects the properties. Keys are normalised the way autoconfigure reads them; when several spellings of one key are set, the one
     * from the source with the highest ordinal wins, as it would for any MicroProfile Config lookup. Keys nobody set get
     * the {@linkplain TelemetryDefaults MicroProfile Telemetry defaults}.
     *
     * @param config the application's configuration
     * @return the properties for {@code AutoConfiguredOpenTelemetrySdkBuilder.addPropertiesSupplier}
     */
    public static Map<String, String> otelProperties(Config config) {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> ordinals = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (!isOtelKey(name)) {
                continue;
            }
            ConfigValue value;
            try {
                value = config.getConfigValue(name);
            } catch (RuntimeException e) {
                throw new InvalidSettingException(name, "?", "a value MicroProfile Config can resolve (" + e.getMessage() + ")");
            }
            if (value.getValue() == null) {
                continue;
            }
            String key = normalise(name);
            Integer seen = ordinals.get(key);
            if (seen == null || value.getSourceOrdinal() > seen) {
                values.put(key, value.getValue());
                ordinals.put(key, value.getSourceOrdinal());
            }
        }
        // otel-cdi's own switch, where set, is what its SDK gets (the server keeps reading otel.sdk.disabled).
        config.getOptionalValue(SettingKeys.OTEL_CDI_SDK_DISABLED, String.class)
                .ifPresent(own -> values.put(SettingKeys.SDK_DISABLED, own.trim()));
        TelemetryDefaults.values().forEach(values::putIfAbsent);
        return values;
    }

    static boolean isOtelKey(String name) {
        return name.regionMatches(true, 0, DOTTED_PREFIX, 0, DOTTED_PREFIX.length())
                || name.startsWith(ENV_PREFIX);
    }

    /** As autoconfigure reads keys: {@code -} is a dot in properties, {@code _} is a dot only in environment names. */
    static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(ENV_PREFIX) ? lower.replace('_', '.') : lower.replace('-', '.');
    }
}
