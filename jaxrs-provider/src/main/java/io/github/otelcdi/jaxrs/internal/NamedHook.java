package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.jaxrs.ClientRequestHook;
import io.github.otelcdi.jaxrs.ClientResponseHook;
import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * A hook bean handed to {@code JaxRsTelemetryBuilder} with its bean class, which names it in the
 * log: the reference itself may be a container's proxy or a producer's lambda, whose class says nothing.
 *
 * @param name the bean class, e.g. {@code com.acme.TenantHook}
 * @param target the contextual reference, of the hook interface it is handed as
 */
public record NamedHook(String name, Object target)
        implements ServerRequestHook, ServerResponseHook, ClientRequestHook, ClientResponseHook {

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        ((ServerRequestHook) target).onRequest(span, request);
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        ((ServerResponseHook) target).onResponse(span, request, response);
    }

    @Override
    public void onRequest(Span span, ClientRequestContext request) {
        ((ClientRequestHook) target).onRequest(span, request);
    }

    @Override
    public void onResponse(Span span, ClientRequestContext request, ClientResponseContext response) {
        ((ClientResponseHook) target).onResponse(span, request, response);
    }
}
