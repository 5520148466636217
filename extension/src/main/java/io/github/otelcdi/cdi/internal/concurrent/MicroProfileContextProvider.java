package io.github.otelcdi.cdi.internal.concurrent;

import io.github.otelcdi.concurrent.TraceThreadContext;
import java.util.Map;
import org.eclipse.microprofile.context.spi.ThreadContextController;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * The trace context as a MicroProfile Context Propagation thread context type: what a
 * {@code ManagedExecutor} or {@code ThreadContext} captures and restores around the task.
 */
public final class MicroProfileContextProvider implements ThreadContextProvider {

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        return snapshot(CarriedContext.current());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        return snapshot(CarriedContext.cleared());
    }

    @Override
    public String getThreadContextType() {
        return TraceThreadContext.TYPE;
    }

    private static ThreadContextSnapshot snapshot(CarriedContext carried) {
        return () -> {
            ThreadContextController controller = carried.begin()::close;
            return controller;
        };
    }
}
