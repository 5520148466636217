package io.github.otelcdi.it.apps.hooks;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;

/** A {@code @RequestScoped} hook: one instance per request, the same at request and response. */
@RequestScoped
public class PerRequestHook implements ServerRequestHook, ServerResponseHook {

    private final String instance = UUID.randomUUID().toString();

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        span.setAttribute("test.instance.request", instance);
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        span.setAttribute("test.instance.response", instance);
    }
}
