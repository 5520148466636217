package io.github.otelcdi.reliability;

import io.github.otelcdi.testing.CallbackSpanExporter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The suite's span exporters, plugged in through the autoconfigure SPI like a user's:
 * {@code ledger} (accounts, keeps nothing), {@code routes} (counts, per exporting SDK, its SERVER spans and the
 * spans of other services, keeping no span), and two broken ones, {@code throwing} and {@code hanging}.
 */
public final class TestExporters {

    /** SERVER spans per {@code otel.service.name} of the exporting SDK, when the span's own service is the same. */
    static final Map<String, AtomicLong> ROUTED = new ConcurrentHashMap<>();
    static final AtomicLong MISROUTED = new AtomicLong();
    static final AtomicLong THROWING_CALLS = new AtomicLong();
    static final AtomicLong HANGING_CALLS = new AtomicLong();

    private TestExporters() {
    }

    /** Accounts for every span in the active {@link Ledger}. */
    public static final class LedgerProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return CallbackSpanExporter.of(spans -> spans.forEach(Ledger::exported));
        }

        @Override
        public String getName() {
            return "ledger";
        }
    }

    /** Counts into {@link #ROUTED} and {@link #MISROUTED}; keeps no span, so no class of the application stays reachable. */
    public static final class RoutesProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            String service = config.getString("otel.service.name", "");
            return CallbackSpanExporter.of(spans -> spans.forEach(span -> {
                if (!service.equals(span.getResource().getAttribute(ServiceAttributes.SERVICE_NAME))) {
                    MISROUTED.incrementAndGet();
                } else if (span.getKind() == SpanKind.SERVER) {
                    ROUTED.computeIfAbsent(service, name -> new AtomicLong()).incrementAndGet();
                }
            }));
        }

        @Override
        public String getName() {
            return "routes";
        }
    }

    /** Throws from every export, flush and shutdown. */
    public static final class ThrowingProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return CallbackSpanExporter.of(spans -> {
                THROWING_CALLS.incrementAndGet();
                throw new IllegalStateException("exporter is broken");
            }, () -> {
                throw new IllegalStateException("exporter cannot shut down either");
            });
        }

        @Override
        public String getName() {
            return "throwing";
        }
    }

    /** Accepts every batch and never answers: its results never complete, not even at shutdown. */
    public static final class HangingProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    HANGING_CALLS.incrementAndGet();
                    return new CompletableResultCode();
                }

                @Override
                public CompletableResultCode flush() {
                    return new CompletableResultCode();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return new CompletableResultCode();
                }
            };
        }

        @Override
        public String getName() {
            return "hanging";
        }
    }

}
