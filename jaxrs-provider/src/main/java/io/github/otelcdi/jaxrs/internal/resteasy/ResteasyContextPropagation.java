package io.github.otelcdi.jaxrs.internal.resteasy;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jboss.resteasy.spi.concurrent.ThreadContext;

/**
 * RESTEasy runs {@code async()} and {@code rx()} client calls (and SSE) on its own executor, where
 * the caller's OpenTelemetry context would be lost; RESTEasy carries whatever its
 * {@code ThreadContext} providers capture on the calling thread over to the task. One instance per
 * application; the scope pushed onto a task's thread is closed on that thread when the task ends.
 */
final class ResteasyContextPropagation implements ThreadContext<Context> {

    // A task's scope lives from push to reset, both on the thread running the task.
    private final ThreadLocal<Scope> pushed = new ThreadLocal<>();

    @Override
    public Context capture() {
        return Context.current();
    }

    @Override
    public void push(Context context) {
        pushed.set(context.makeCurrent());
    }

    @Override
    public void reset(Context context) {
        Scope scope = pushed.get();
        pushed.remove();
        if (scope != null) {
            scope.close();
        }
    }
}
