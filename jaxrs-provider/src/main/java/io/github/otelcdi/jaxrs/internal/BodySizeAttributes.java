package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.semconv.incubating.HttpIncubatingAttributes;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * {@code http.request.body.size} and {@code http.response.body.size} from the bytes actually read
 * and written (a chunked body has no {@code Content-Length}); the experimental metrics read them
 * from here. A request body the application never read is sized by its {@code Content-Length}.
 */
final class BodySizeAttributes implements AttributesExtractor<ServerExchange, ContainerResponseContext> {

    @Override
    public void onStart(AttributesBuilder attributes, Context parentContext, ServerExchange exchange) {
        // Sizes are known at the end.
    }

    @Override
    public void onEnd(AttributesBuilder attributes, Context context, ServerExchange exchange,
            ContainerResponseContext response, Throwable error) {
        long read = exchange.requestBodyBytes();
        if (read < 0) {
            read = exchange.request().getLength();
        }
        if (read >= 0) {
            attributes.put(HttpIncubatingAttributes.HTTP_REQUEST_BODY_SIZE, read);
        }
        long written = exchange.responseBodyBytes();
        if (written >= 0) {
            attributes.put(HttpIncubatingAttributes.HTTP_RESPONSE_BODY_SIZE, written);
        }
    }
}
