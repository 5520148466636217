package io.github.otelcdi.jaxrs.internal.client;

import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/** The CLIENT span of one outgoing call, kept as a request property until it ends. */
final class ClientCall {

    private final Context context;
    private final AtomicBoolean ended = new AtomicBoolean();

    ClientCall(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }

    /** @return true for the first caller only */
    boolean end() {
        return ended.compareAndSet(false, true);
    }
}
