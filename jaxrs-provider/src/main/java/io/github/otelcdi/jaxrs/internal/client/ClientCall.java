package io.github.otelcdi.jaxrs.internal.client;

import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/** The CLIENT span of one outgoing call, kept as a request property until it ends. */
final class ClientCall {

    private final Context context;
    private final ClientTelemetry telemetry;
    private final AtomicBoolean ended = new AtomicBoolean();

    ClientCall(Context context, ClientTelemetry telemetry) {
        this.context = context;
        this.telemetry = telemetry;
    }

    Context context() {
        return context;
    }

    /** @return the telemetry that started the call, and ends it */
    ClientTelemetry telemetry() {
        return telemetry;
    }

    /** @return true for the first caller only */
    boolean end() {
        return ended.compareAndSet(false, true);
    }
}
