package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * Reads propagation headers ({@code traceparent}, {@code baggage}, ...) from an incoming request;
 * none at all once the exchange is {@linkplain ServerExchange#distrust distrusted}.
 */
enum RequestHeaders implements TextMapGetter<ServerExchange> {
    INSTANCE;

    @Override
    public Iterable<String> keys(ServerExchange exchange) {
        return exchange.untrusted() ? List.of() : exchange.request().getHeaders().keySet();
    }

    @Override
    public String get(ServerExchange exchange, String key) {
        return exchange == null || exchange.untrusted() ? null : exchange.request().getHeaderString(key);
    }
}
