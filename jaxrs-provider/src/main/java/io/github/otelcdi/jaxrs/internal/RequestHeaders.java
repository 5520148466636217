package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.context.propagation.TextMapGetter;

/** Reads propagation headers ({@code traceparent}, {@code baggage}, ...) from an incoming request. */
enum RequestHeaders implements TextMapGetter<ServerExchange> {
    INSTANCE;

    @Override
    public Iterable<String> keys(ServerExchange exchange) {
        return exchange.request().getHeaders().keySet();
    }

    @Override
    public String get(ServerExchange exchange, String key) {
        return exchange == null ? null : exchange.request().getHeaderString(key);
    }
}
