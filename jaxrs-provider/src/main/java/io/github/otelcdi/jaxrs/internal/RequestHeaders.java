package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * Reads propagation headers ({@code traceparent}, {@code baggage}, ...) from an incoming request;
 * none at all once the exchange is {@linkplain ServerExchange#distrust distrusted}.
 */
enum RequestHeaders implements TextMapGetter<ServerExchange> {
    INSTANCE;

    private static final String BAGGAGE = "baggage";

    // Deprecated upstream with no replacement; the jaeger and ottrace propagators (which otel-cdi
    // offers) still enumerate the keys to extract their prefixed baggage headers.
    @Override
    @SuppressWarnings("deprecation")
    public Iterable<String> keys(ServerExchange exchange) {
        return exchange.untrusted() ? List.of() : exchange.request().getHeaders().keySet();
    }

    @Override
    public String get(ServerExchange exchange, String key) {
        if (exchange == null || exchange.untrusted()) {
            return null;
        }
        String value = exchange.request().getHeaderString(key);
        return BAGGAGE.equals(key) ? BaggageScreen.screen(value) : value;
    }
}
