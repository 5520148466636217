package io.github.otelcdi.jaxrs;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.client.ClientRequestContext;

/** Called right after the CLIENT span of an outgoing JAX-RS client call has started, before it is sent. */
@FunctionalInterface
public interface ClientRequestHook {

    /**
     * @param span the call's CLIENT span, still open
     * @param request the outgoing request; its headers already carry the propagated context
     */
    void onRequest(Span span, ClientRequestContext request);
}
