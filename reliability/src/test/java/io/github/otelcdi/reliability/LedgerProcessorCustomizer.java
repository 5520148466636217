package io.github.otelcdi.reliability;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * With {@code otel.test.ledger-processor=true}, the SDK also hands every span to the active
 * {@link Ledger} the moment it ends, before and whatever the exporters do: how the suite proves that
 * spans end while the exporter is broken.
 */
public final class LedgerProcessorCustomizer implements AutoConfigurationCustomizerProvider {

    static final String SETTING = "otel.test.ledger-processor=true";

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addTracerProviderCustomizer((builder, config) -> config.getBoolean("otel.test.ledger-processor", false)
                ? builder.addSpanProcessor(new EndedSpans()) : builder);
    }

    private static final class EndedSpans implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            Ledger.exported(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
