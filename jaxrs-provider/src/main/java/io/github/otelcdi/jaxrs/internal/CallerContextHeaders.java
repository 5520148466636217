package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells, without extracting anything, that a request carries no caller context: none of the headers
 * the propagators read is there. Only the W3C propagators (the default ones) are known to read
 * nothing but their fields; with others (Jaeger's and OT's baggage read headers by prefix) every
 * request may carry context.
 */
final class CallerContextHeaders {

    private static final Set<String> W3C_HEADERS = Stream.concat(W3CTraceContextPropagator.getInstance().fields().stream(),
            W3CBaggagePropagator.getInstance().fields().stream()).collect(Collectors.toUnmodifiableSet());

    /**
     * The only headers the propagators read; null when they may read others. An array: a list's
     * iterator was an allocation on every request to an excluded URL (health checks).
     */
    private final String[] headers;

    CallerContextHeaders(TextMapPropagator propagator) {
        this.headers = W3C_HEADERS.containsAll(propagator.fields()) ? propagator.fields().toArray(String[]::new) : null;
    }

    /** @return false when none of the headers the propagators read is in the request */
    boolean mayBeIn(ContainerRequestContext request) {
        if (headers == null) {
            return true;
        }
        for (String header : headers) {
            if (request.getHeaderString(header) != null) {
                return true;
            }
        }
        return false;
    }
}
