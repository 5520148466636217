package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Puts the span accounting of one SDK in place through autoconfigure's customizers: every configured
 * span exporter is wrapped in an {@link AccountedSpanExporter}, and the batch span processor gets a
 * {@link BoundedSpanProcessor} in front of it. Users keep configuring exporters and queue sizes with
 * the usual {@code otel.*} keys.
 */
public final class SpanExportAccounting {

    /** The SDK's key and default for the batch queue, which the bound must match. */
    private static final String MAX_QUEUE_SIZE = "otel.bsp.max.queue.size";
    private static final int DEFAULT_MAX_QUEUE_SIZE = 2048;

    private final List<AccountedSpanExporter> exporters = new CopyOnWriteArrayList<>();

    /** One accounting per SDK. */
    public SpanExportAccounting() {
    }

    /**
     * @param builder the SDK being built; gets this accounting's customizers
     * @return the builder
     */
    public AutoConfiguredOpenTelemetrySdkBuilder installOn(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        return builder.addSpanExporterCustomizer(this::account)
                .addSpanProcessorCustomizer(this::bound);
    }

    /**
     * Called when the SDK's shutdown has returned or given up waiting: an exporter that never
     * answered its shutdown gets its losses (its unanswered exports) reported now, as they will
     * never be reported otherwise.
     */
    public void stopped() {
        exporters.forEach(AccountedSpanExporter::reportLosses);
    }

    private SpanExporter account(SpanExporter exporter, ConfigProperties config) {
        AccountedSpanExporter accounted = new AccountedSpanExporter(exporter);
        exporters.add(accounted);
        return accounted;
    }

    // Autoconfigure hands over the simple processors (console, logging) before the one batch
    // processor, whose exporter is the composite of all other configured exporters.
    private SpanProcessor bound(SpanProcessor processor, ConfigProperties config) {
        if (processor instanceof SimpleSpanProcessor simple
                && simple.getSpanExporter() instanceof AccountedSpanExporter accounted) {
            accounted.unbatched();
            return processor;
        }
        if (processor instanceof BatchSpanProcessor batch) {
            AccountedSpanExporter accounted = batch.getSpanExporter() instanceof AccountedSpanExporter single
                    ? single
                    : exporters.stream().filter(AccountedSpanExporter::batched).findFirst().orElse(null);
            if (accounted != null) {
                return new BoundedSpanProcessor(batch, accounted::received,
                        config.getInt(MAX_QUEUE_SIZE, DEFAULT_MAX_QUEUE_SIZE));
            }
        }
        return processor;
    }
}
