package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusBuilder;
import io.opentelemetry.instrumentation.api.instrumenter.SpanStatusExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * HTTP semantic conventions for SERVER span status, also when the application answered a 4xx by
 * throwing ({@code NotFoundException}, a mapped exception): the client's mistake is not a server
 * error, so the status stays UNSET. The exception itself is still recorded as an event. A body
 * that could not be written is an ERROR whatever the status line said.
 */
final class ServerSpanStatus implements SpanStatusExtractor<ServerExchange, ContainerResponseContext> {

    private static final int FIRST_SERVER_ERROR = 500;

    private final SpanStatusExtractor<ServerExchange, ContainerResponseContext> http;

    ServerSpanStatus(HttpServerAttributesGetter<ServerExchange, ContainerResponseContext> getter) {
        this.http = HttpSpanStatusExtractor.create(getter);
    }

    @Override
    public void extract(SpanStatusBuilder spanStatusBuilder, ServerExchange exchange,
            ContainerResponseContext response, Throwable error) {
        boolean answeredBelow500 = response != null && response.getStatus() > 0 && response.getStatus() < FIRST_SERVER_ERROR;
        boolean clientError = answeredBelow500 && exchange.writeFailure() == null;
        http.extract(spanStatusBuilder, exchange, response, clientError ? null : error);
    }
}
