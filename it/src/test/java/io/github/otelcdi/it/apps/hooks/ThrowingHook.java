package io.github.otelcdi.it.apps.hooks;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Runs between the other two and always throws. */
@ApplicationScoped
@Priority(150)
public class ThrowingHook implements ServerRequestHook, ServerResponseHook {

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        throw new IllegalStateException("request hook is broken");
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        throw new IllegalStateException("response hook is broken");
    }
}
