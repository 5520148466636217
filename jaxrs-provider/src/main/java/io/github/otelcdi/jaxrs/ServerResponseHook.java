package io.github.otelcdi.jaxrs;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Called once per traced request when its response is known: after the application's response
 * filters, before the body is written, still in the request's CDI request context (so a
 * {@code @RequestScoped} hook sees the instance its request hook saw). When the resource threw an
 * exception that nothing mapped, there are no response filters: the hook is called as the span
 * ends, with a null response.
 */
@FunctionalInterface
public interface ServerResponseHook {

    /**
     * @param span the request's SERVER span, still open
     * @param request the request
     * @param response the response, or null when an exception nothing mapped left the runtime
     *        without one (the client is answered 500)
     */
    void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response);
}
