package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.semconv.ErrorAttributes;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * {@code error.type} names the exception when the application threw one, mapped or not: the HTTP
 * extractor would report only the status code for a 5xx, and nothing for a mapped 4xx. Added after
 * the HTTP extractor, so its value wins.
 */
final class ExceptionErrorType implements AttributesExtractor<ServerExchange, ContainerResponseContext> {

    @Override
    public void onStart(AttributesBuilder attributes, Context parentContext, ServerExchange exchange) {
        // Known only at the end.
    }

    @Override
    public void onEnd(AttributesBuilder attributes, Context context, ServerExchange exchange,
            ContainerResponseContext response, Throwable error) {
        if (error != null) {
            attributes.put(ErrorAttributes.ERROR_TYPE, error.getClass().getName());
        }
    }
}
