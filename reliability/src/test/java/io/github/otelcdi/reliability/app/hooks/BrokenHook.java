package io.github.otelcdi.reliability.app.hooks;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Throws on every request and every response. */
@ApplicationScoped
public class BrokenHook implements ServerRequestHook, ServerResponseHook {

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        throw new IllegalStateException("request hook is broken");
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        throw new LinkageError("response hook is broken badly");
    }
}
