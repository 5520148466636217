package io.github.otelcdi.jaxrs;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;

/** Called just before the CLIENT span of an outgoing JAX-RS client call ends. */
@FunctionalInterface
public interface ClientResponseHook {

    /**
     * @param span the call's CLIENT span, still open
     * @param request the outgoing request
     * @param response the response, or null when the call failed without one (connection refused, timeout)
     */
    void onResponse(Span span, ClientRequestContext request, ClientResponseContext response);
}
