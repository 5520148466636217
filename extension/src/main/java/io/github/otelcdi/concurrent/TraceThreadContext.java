package io.github.otelcdi.concurrent;

/**
 * The thread context type under which otel-cdi carries the OpenTelemetry context (the current span
 * and baggage) into tasks, for Jakarta Concurrency ({@code jakarta.enterprise.concurrent.spi.ThreadContextProvider})
 * and MicroProfile Context Propagation ({@code org.eclipse.microprofile.context.spi.ThreadContextProvider}).
 * Context services that propagate "all remaining" context types carry it without being told; name
 * it to be explicit, or to clear it:
 *
 * <pre>{@code
 * @ContextServiceDefinition(name = "java:app/concurrent/TracedContext",
 *         propagated = {TraceThreadContext.TYPE, ContextServiceDefinition.APPLICATION})
 * }</pre>
 */
public final class TraceThreadContext {

    /** The context type's name. */
    public static final String TYPE = "OpenTelemetry";

    private TraceThreadContext() {
    }
}
