package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Asks the container behind the JAX-RS runtime about the connection of a request. */
@FunctionalInterface
public interface ConnectionLookup {

    /** For containers we cannot ask: peer and protocol stay unreported rather than guessed. */
    ConnectionLookup NONE = request -> Connection.UNKNOWN;

    /**
     * @param request the request, before matching, on the thread serving it
     * @return what the container knows; never null
     */
    Connection describe(ContainerRequestContext request);
}
