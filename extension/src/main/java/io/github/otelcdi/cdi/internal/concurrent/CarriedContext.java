package io.github.otelcdi.cdi.internal.concurrent;

import io.github.otelcdi.cdi.internal.logging.LogCorrelation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The OpenTelemetry context of the thread that submitted a task, taken to the thread that runs it:
 * current (with its ids in the logging frameworks' context maps when the submitting thread's log
 * lines carried them) while the task runs, and the running thread's own context and ids back after it.
 */
final class CarriedContext {

    // Which frameworks there are is a property of the class path this class was loaded from; some
    // runtimes make a context provider per task (Payara), so they are looked for once per class loader.
    // Whether the application correlates its logs is read from the submitting thread's maps.
    private static final LogCorrelation LOGS = LogCorrelation.detect(true);

    private final Context context;
    private final boolean cleared;
    // Whether the submitting thread's log lines carried its trace ids: only then are they touched.
    private final boolean correlated;

    private CarriedContext(Context context, boolean cleared, boolean correlated) {
        this.context = context;
        this.cleared = cleared;
        this.correlated = correlated;
    }

    /** @return the calling thread's context */
    static CarriedContext current() {
        Context context = Context.current();
        return new CarriedContext(context, false, LOGS.shows(Span.fromContext(context).getSpanContext()));
    }

    /** @return no span, no baggage, no ids in the log lines: what a context type the runtime clears gives the task */
    static CarriedContext cleared() {
        return new CarriedContext(Context.root(), true, LOGS.shows(Span.current().getSpanContext()));
    }

    /** @return closes on the running thread once the task is over, putting back what was there */
    Scope begin() {
        Scope scope = context.makeCurrent();
        if (!correlated) {
            return scope;
        }
        return cleared ? LOGS.detach(scope) : LOGS.attach(Span.fromContext(context).getSpanContext(), scope);
    }
}
