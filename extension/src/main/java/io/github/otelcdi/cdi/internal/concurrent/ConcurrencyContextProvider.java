package io.github.otelcdi.cdi.internal.concurrent;

import io.github.otelcdi.concurrent.TraceThreadContext;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.Map;

/**
 * The trace context as a Jakarta Concurrency 3 thread context type, found by the runtime through
 * {@code ServiceLoader}: captured where a task is submitted to a managed executor (or a contextual
 * proxy is made), current while the task runs.
 */
public final class ConcurrencyContextProvider implements ThreadContextProvider {

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
            ThreadContextRestorer restorer = carried.begin()::close;
            return restorer;
        };
    }
}
