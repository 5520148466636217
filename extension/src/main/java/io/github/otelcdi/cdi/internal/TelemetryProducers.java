package io.github.otelcdi.cdi.internal;

import io.github.otelcdi.config.internal.OtelCdiInfo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Producers of the injectable OpenTelemetry objects, all backed by the container's {@link TelemetryRuntime}. */
class TelemetryProducers {

    private static final Span CURRENT_SPAN = new CurrentSpan();
    private static final Baggage CURRENT_BAGGAGE = new CurrentBaggage();

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry(TelemetryRuntime runtime) {
        return runtime.openTelemetry();
    }

    @Produces
    @ApplicationScoped
    Tracer tracer(TelemetryRuntime runtime) {
        return runtime.openTelemetry().getTracerProvider()
                .tracerBuilder(OtelCdiInfo.SCOPE_NAME)
                .setInstrumentationVersion(OtelCdiInfo.VERSION)
                .build();
    }

    @Produces
    @ApplicationScoped
    Meter meter(TelemetryRuntime runtime) {
        return runtime.openTelemetry().getMeterProvider()
                .meterBuilder(OtelCdiInfo.SCOPE_NAME)
                .setInstrumentationVersion(OtelCdiInfo.VERSION)
                .build();
    }

    /** Always the span current where it is used, so injecting it into a long-lived bean is safe. */
    @Produces
    Span currentSpan() {
        return CURRENT_SPAN;
    }

    /** Always the baggage current where it is used, so injecting it into a long-lived bean is safe. */
    @Produces
    Baggage currentBaggage() {
        return CURRENT_BAGGAGE;
    }
}
