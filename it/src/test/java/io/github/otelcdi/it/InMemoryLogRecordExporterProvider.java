package io.github.otelcdi.it;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The test log exporter, selected with {@code otel.logs.exporter=inmemory} through the autoconfigure
 * SPI; what every application exported, in one list.
 */
public final class InMemoryLogRecordExporterProvider implements ConfigurableLogRecordExporterProvider {

    private static final List<LogRecordData> EXPORTED = new CopyOnWriteArrayList<>();

    static void clear() {
        EXPORTED.clear();
    }

    static List<LogRecordData> exported(Predicate<LogRecordData> filter) {
        return EXPORTED.stream().filter(filter).toList();
    }

    /** Waits until {@code count} records match; fails after 10 s. */
    static List<LogRecordData> await(int count, Predicate<LogRecordData> filter) {
        Waiting.until(() -> exported(filter).size() >= count, Duration.ofSeconds(10), count + " log records");
        return exported(filter);
    }

    @Override
    public LogRecordExporter createExporter(ConfigProperties config) {
        return new LogRecordExporter() {
            @Override
            public CompletableResultCode export(Collection<LogRecordData> logs) {
                EXPORTED.addAll(logs);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    @Override
    public String getName() {
        return InMemorySpanExporterProvider.NAME;
    }
}
