package io.github.otelcdi.jaxrs.internal.client;

import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.ws.rs.client.ClientRequestContext;

/** Writes the propagation headers ({@code traceparent}, {@code baggage}, ...) into an outgoing request. */
enum ClientRequestHeaders implements TextMapSetter<ClientRequestContext> {
    INSTANCE;

    @Override
    public void set(ClientRequestContext request, String key, String value) {
        if (request != null) {
            request.getHeaders().putSingle(key, value);
        }
    }
}
