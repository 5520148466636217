package io.github.otelcdi.jaxrs.internal.client;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;

/** The CLIENT span of one outgoing call, kept as a request property until it ends. */
final class ClientCall {

    private final Context context;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Scope scope;
    private final Thread caller;

    ClientCall(Context context) {
        this(context, null);
    }

    private ClientCall(Context context, Scope scope) {
        this.context = context;
        this.scope = scope;
        this.caller = scope != null ? Thread.currentThread() : null;
    }

    /**
     * A call whose span is current on this thread until it ends, for the instrumentation of the
     * connection underneath to see (the OpenTelemetry Java agent's).
     */
    static ClientCall current(Context context) {
        return new ClientCall(context, context.makeCurrent());
    }

    Context context() {
        return context;
    }

    /** @return true for the first caller only */
    boolean end() {
        return ended.compareAndSet(false, true);
    }

    /**
     * Closes the scope {@link #current} opened, on the thread that opened it. Elsewhere it is left:
     * closing it there would corrupt that thread's context; the scope of the request around the
     * call restores the caller's thread when it closes.
     */
    void leave() {
        if (scope != null && Thread.currentThread() == caller) {
            scope.close();
        }
    }
}
