package io.github.otelcdi.reliability;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The suite's span exporters, plugged in through the autoconfigure SPI like a user's:
 * {@code ledger} (accounts, keeps nothing), {@code collect} (keeps every span with the service name
 * of the SDK that exported it), {@code routes} (counts, per exporting SDK, its SERVER spans and the
 * spans of other services, keeping no span), and two broken ones, {@code throwing} and {@code hanging}.
 */
public final class TestExporters {

    /** A span with the {@code otel.service.name} of the SDK whose exporter received it. */
    record Collected(String exporterService, SpanData span) {
    }

    static final ConcurrentLinkedQueue<Collected> COLLECTED = new ConcurrentLinkedQueue<>();
    /** SERVER spans per {@code otel.service.name} of the exporting SDK, when the span's own service is the same. */
    static final Map<String, AtomicLong> ROUTED = new ConcurrentHashMap<>();
    static final AtomicLong MISROUTED = new AtomicLong();
    static final AtomicLong THROWING_CALLS = new AtomicLong();
    static final AtomicLong HANGING_CALLS = new AtomicLong();

    private TestExporters() {
    }

    static List<SpanData> collected() {
        return COLLECTED.stream().map(Collected::span).toList();
    }

    /** Accounts for every span in the active {@link Ledger}. */
    public static final class LedgerProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return new Forwarding(spans -> spans.forEach(Ledger::exported));
        }

        @Override
        public String getName() {
            return "ledger";
        }
    }

    /** Keeps every span in {@link #COLLECTED}. */
    public static final class CollectProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            String service = config.getString("otel.service.name", "");
            return new Forwarding(spans -> spans.forEach(span -> COLLECTED.add(new Collected(service, span))));
        }

        @Override
        public String getName() {
            return "collect";
        }
    }

    /** Counts into {@link #ROUTED} and {@link #MISROUTED}; keeps no span, so no class of the application stays reachable. */
    public static final class RoutesProvider implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            String service = config.getString("otel.service.name", "");
            return new Forwarding(spans -> spans.forEach(span -> {
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
            return new Forwarding(spans -> {
                THROWING_CALLS.incrementAndGet();
                throw new IllegalStateException("exporter is broken");
            }) {
                @Override
                public CompletableResultCode shutdown() {
                    throw new IllegalStateException("exporter cannot shut down either");
                }
            };
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

    private static class Forwarding implements SpanExporter {
        private final Consumer<Collection<SpanData>> sink;

        Forwarding(Consumer<Collection<SpanData>> sink) {
            this.sink = sink;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            sink.accept(spans);
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
    }
}
