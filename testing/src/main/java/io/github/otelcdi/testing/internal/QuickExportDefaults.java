package io.github.otelcdi.testing.internal;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@code memory} exporter is configured, the batches are handed over within milliseconds
 * instead of the SDK's seconds (spans 5 s, metrics 60 s), so tests wait no longer than they must;
 * a value the application sets itself is kept.
 */
public final class QuickExportDefaults implements AutoConfigurationCustomizerProvider {

    private static final String MEMORY = "memory";

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addPropertiesCustomizer(QuickExportDefaults::quicker);
    }

    private static Map<String, String> quicker(ConfigProperties config) {
        Map<String, String> values = new HashMap<>();
        unlessSet(config, "otel.traces.exporter", "otel.bsp.schedule.delay", "10", values);
        unlessSet(config, "otel.metrics.exporter", "otel.metric.export.interval", "100", values);
        unlessSet(config, "otel.logs.exporter", "otel.blrp.schedule.delay", "10", values);
        return values;
    }

    private static void unlessSet(ConfigProperties config, String exporterKey, String delayKey, String delay,
            Map<String, String> values) {
        List<String> exporters = config.getList(exporterKey);
        if (exporters.contains(MEMORY) && config.getString(delayKey) == null) {
            values.put(delayKey, delay);
        }
    }
}
