package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ServerExchange;

/**
 * The traced exchange of the request being served, handed from the filter that starts the span
 * to the interceptor around the resource method: the portable way between the two on runtimes
 * whose JAX-RS API offers no hook around the resource method, where otel-cdi's servlet filter does
 * not bracket the dispatch on the thread (Open Liberty, CXF, asynchronous dispatches; see
 * {@link io.github.otelcdi.jaxrs.internal.ContainerDispatch}). Request scoped, by
 * {@link ResourceScopeExtension} (no annotation here: a server scanning the bundle as an implicit
 * bean archive would find it a second time).
 */
public class CurrentExchange {

    private ServerExchange exchange;

    /** @param exchange the request's exchange, set by the tracing filter */
    public void set(ServerExchange exchange) {
        this.exchange = exchange;
    }

    /** @return the request's exchange, or null when the request is not traced */
    public ServerExchange get() {
        return exchange;
    }
}
