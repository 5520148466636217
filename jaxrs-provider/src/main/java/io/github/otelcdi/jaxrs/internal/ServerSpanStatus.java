package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * HTTP semantic conventions for SERVER span status, also when the application answered a 4xx by
 * throwing ({@code NotFoundException}, a mapped exception): the client's mistake is not a server
 * error, so the status stays UNSET. The exception itself is still recorded as an event.
 */
final class ServerSpanStatus implements SpanStatusExtractor<ContainerRequestContext, ContainerResponseContext> {

    private static final int FIRST_SERVER_ERROR = 500;

    private final SpanStatusExtractor<ContainerRequestContext, ContainerResponseContext> http;

    ServerSpanStatus(HttpServerAttributesGetter<ContainerRequestContext, ContainerResponseContext> getter) {
        this.http = HttpSpanStatusExtractor.create(getter);
    }

    @Override
    public void extract(SpanStatusBuilder spanStatusBuilder, ContainerRequestContext request,
            ContainerResponseContext response, Throwable error) {
        boolean answeredBelow500 = response != null && response.getStatus() > 0 && response.getStatus() < FIRST_SERVER_ERROR;
        http.extract(spanStatusBuilder, request, response, answeredBelow500 ? null : error);
    }
}
