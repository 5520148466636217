package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Asks the container behind the JAX-RS runtime about the connection of a request. */
@FunctionalInterface
public interface ConnectionLookup {

    /**
     * What the container below JAX-RS told otel-cdi's servlet filter, where it has one; else nothing:
     * peer and protocol stay unreported rather than guessed.
     */
    ConnectionLookup FROM_CONTAINER = request -> request.getProperty(RequestProperties.CONTAINER_EXCHANGE)
            instanceof ContainerExchange container ? container.connection() : Connection.UNKNOWN;

    /**
     * @param request the request, before matching, on the thread serving it
     * @return what the container knows; never null
     */
    Connection describe(ContainerRequestContext request);

    /**
     * @param next asked when this lookup knows nothing
     * @return this lookup, then {@code next}
     */
    default ConnectionLookup orElse(ConnectionLookup next) {
        return request -> {
            Connection found = describe(request);
            return found == Connection.UNKNOWN ? next.describe(request) : found;
        };
    }
}
