package io.github.otelcdi.jaxrs.internal;

/**
 * What the container below JAX-RS (a servlet container) offers about one exchange, found as the
 * request property {@link RequestProperties#CONTAINER_EXCHANGE}: the connection, and an
 * end-of-exchange signal on the request thread and after the body is written, which JAX-RS itself
 * lacks.
 */
public interface ContainerExchange {

    /** @return the peer and protocol of the request's connection; never null */
    Connection connection();

    /** @return the request's scheme, path and query as the container received them */
    RequestUri requestUri();

    /**
     * Hands the traced exchange over, on the request thread, right after its span started: from now
     * on its span is current on this thread until the container's dispatch returns, and the container
     * ends it once the response is complete.
     *
     * @param exchange the request's exchange
     */
    void attach(ServerExchange exchange);

    /**
     * Hands over the exchange JAX-RS serves in the dispatch running on this thread, for code JAX-RS
     * calls without the request (the resource-method interceptor).
     *
     * @param exchange the exchange JAX-RS serves now
     */
    void serve(ServerExchange exchange);

    /**
     * @return the exchange last handed over in this servlet request (a forward may reach JAX-RS
     *         twice), or null: the request is not traced (an excluded URL) or has not reached JAX-RS yet
     */
    ServerExchange served();
}
