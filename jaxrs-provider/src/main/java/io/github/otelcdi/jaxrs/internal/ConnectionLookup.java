package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Asks the container behind the JAX-RS runtime about the connection of a request. */
public interface ConnectionLookup {

    /**
     * What the container below JAX-RS told otel-cdi's servlet filter, where it has one; else nothing:
     * peer and protocol stay unreported rather than guessed.
     */
    ConnectionLookup FROM_CONTAINER = new ConnectionLookup() {
        @Override
        public Connection describe(ContainerRequestContext request) {
            return request.getProperty(RequestProperties.CONTAINER_EXCHANGE) instanceof ContainerExchange container
                    ? container.connection() : Connection.UNKNOWN;
        }
    };

    /**
     * @param request the request, before matching, on the thread serving it
     * @return what the container knows; never null
     */
    Connection describe(ContainerRequestContext request);

    /**
     * Asked only where the JAX-RS runtime cannot build the request URI.
     *
     * @param request the request
     * @return the path as the container received it (context root included, still encoded), or null
     */
    default String requestPath(ContainerRequestContext request) {
        return null;
    }

    /**
     * An event stream whose headers the runtime sends before the resource method runs (CXF): has the
     * container tell the exchange when the stream is over.
     *
     * @param request the request, in a response filter
     * @param exchange whose {@link ServerExchange#streaming() stream} is to be told when the container has completed it
     * @return whether the container will tell it
     */
    default boolean watchEventStream(ContainerRequestContext request, ServerExchange exchange) {
        return false;
    }

    /**
     * @param next asked when this lookup knows nothing
     * @return this lookup, then {@code next}
     */
    default ConnectionLookup orElse(ConnectionLookup next) {
        ConnectionLookup first = this;
        return new ConnectionLookup() {
            @Override
            public Connection describe(ContainerRequestContext request) {
                Connection found = first.describe(request);
                return found == Connection.UNKNOWN ? next.describe(request) : found;
            }

            @Override
            public String requestPath(ContainerRequestContext request) {
                String found = first.requestPath(request);
                return found != null ? found : next.requestPath(request);
            }

            @Override
            public boolean watchEventStream(ContainerRequestContext request, ServerExchange exchange) {
                return first.watchEventStream(request, exchange) || next.watchEventStream(request, exchange);
            }
        };
    }
}
