package io.github.otelcdi.jaxrs;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Called right after the SERVER span of a request has started, before the request is matched to
 * a resource (so before any other request filter). Not called for excluded URLs.
 */
@FunctionalInterface
public interface ServerRequestHook {

    /**
     * @param span the request's SERVER span, still open: add attributes, events, links' worth of facts
     * @param request the incoming request, before matching
     */
    void onRequest(Span span, ContainerRequestContext request);
}
