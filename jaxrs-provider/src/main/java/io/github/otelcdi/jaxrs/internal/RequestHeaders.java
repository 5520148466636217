package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Reads propagation headers ({@code traceparent}, {@code baggage}, ...) from an incoming request. */
enum RequestHeaders implements TextMapGetter<ContainerRequestContext> {
    INSTANCE;

    @Override
    public Iterable<String> keys(ContainerRequestContext request) {
        return request.getHeaders().keySet();
    }

    @Override
    public String get(ContainerRequestContext request, String key) {
        return request == null ? null : request.getHeaderString(key);
    }
}
