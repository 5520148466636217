package io.github.otelcdi.jaxrs.internal;

/**
 * The container exchange whose dispatch runs on this thread, where the container below JAX-RS
 * says so (otel-cdi's servlet filter). Through it, code that JAX-RS runs without handing it the
 * request (the CDI interceptor around resource methods) finds the request's exchange without the
 * CDI request context, whose bean lookup costs every request ~0.6 KB and a few microseconds.
 *
 * <p>Entered and exited by the filter around its dispatch, on the one thread, so it never outlives
 * the dispatch on a pooled thread. It holds no telemetry state beyond that one request's exchange.
 */
public final class ContainerDispatch {

    private static final ThreadLocal<ContainerExchange> DISPATCHING = new ThreadLocal<>();

    private ContainerDispatch() {
    }

    /**
     * @param exchange the exchange whose dispatch starts on this thread
     * @return the one it replaces (a dispatch nested in another, e.g. a forward), to give to {@link #exit}
     */
    public static ContainerExchange enter(ContainerExchange exchange) {
        ContainerExchange previous = DISPATCHING.get();
        DISPATCHING.set(exchange);
        return previous;
    }

    /** @param previous what {@link #enter} returned */
    public static void exit(ContainerExchange previous) {
        if (previous == null) {
            DISPATCHING.remove();
        } else {
            DISPATCHING.set(previous);
        }
    }

    /** @return the exchange being dispatched on this thread, or null where no container filter said so */
    public static ContainerExchange current() {
        return DISPATCHING.get();
    }
}
