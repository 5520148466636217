package io.github.otelcdi.it.apps.hooks;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Runs first; the later hooks overwrite {@code test.hook.last}. */
@ApplicationScoped
@Priority(100)
public class EarlyHook implements ServerRequestHook, ServerResponseHook {

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        // Runtimes differ on the leading slash of UriInfo.getPath().
        span.setAttribute("test.request.early", request.getUriInfo().getPath().replaceFirst("^/", ""));
        span.setAttribute("test.request.last", "early");
        span.setAttribute("test.request.current", Span.current() == span);
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        span.setAttribute("test.response.early", response.getStatus());
        span.setAttribute("test.response.last", "early");
    }
}
