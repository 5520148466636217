package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.config.InstrumentationSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.internal.HttpRouteState;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.semconv.HttpAttributes;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What otel-cdi gives a SERVER span that the OpenTelemetry Java agent started (its HTTP server
 * instrumentation runs before any JAX-RS provider): the route from the {@code @Path} templates,
 * the captured headers of otel-cdi's settings and the exception the application threw. The span
 * stays the agent's: it names, measures and ends it.
 */
final class AgentServerSpan {

    /**
     * Above every {@code HttpServerRouteSource}: the agent's own JAX-RS instrumentation updates the
     * route again when the resource method is dispatched, with the raw template (regex and all), and
     * must leave otel-cdi's alone.
     */
    private static final int FINAL_ROUTE_ORDER = Integer.MAX_VALUE;

    private final AttributesExtractor<ServerExchange, ContainerResponseContext> headers;
    private final List<AttributeKey<List<String>>> requestHeaders = new ArrayList<>();
    private final List<AttributeKey<List<String>>> responseHeaders = new ArrayList<>();

    AgentServerSpan(ServerRequestAttributes getter, InstrumentationSettings settings) {
        this.headers = HttpServerAttributesExtractor.builder(getter)
                .setRequestHeaders(CapturedHeaders.named(settings.serverRequestHeaders()))
                .setResponseHeaders(CapturedHeaders.named(settings.serverResponseHeaders()))
                .setKnownMethods(settings.knownMethods())
                .build();
        settings.serverRequestHeaders().forEach(name -> requestHeaders.add(HttpAttributes.HTTP_REQUEST_HEADER.getAttributeKey(name)));
        settings.serverResponseHeaders().forEach(name -> responseHeaders.add(HttpAttributes.HTTP_RESPONSE_HEADER.getAttributeKey(name)));
    }

    /** The request is known: its captured headers go on the agent's span. */
    void started(Context context, ServerExchange exchange) {
        if (!requestHeaders.isEmpty()) {
            AttributesBuilder extracted = Attributes.builder();
            headers.onStart(extracted, context, exchange);
            copy(extracted.build(), requestHeaders, Span.fromContext(context));
        }
    }

    /**
     * Names the agent's span by otel-cdi's route, for good: the agent's {@code http.route}, its span
     * name and its duration metric all read the route state that the agent bridged into the context.
     */
    void route(Context context, String route) {
        HttpRouteState state = HttpRouteState.fromContextOrNull(context);
        if (state == null || state.getSpan() == null) {
            return;
        }
        state.getSpan().updateName(state.getMethod() + " " + route);
        state.update(context, FINAL_ROUTE_ORDER, route);
    }

    /**
     * The response is known, before it is written (the agent may end its span as soon as it is):
     * its captured headers and the exception the application threw go on the agent's span.
     */
    void responded(Context context, ServerExchange exchange, ContainerResponseContext response) {
        Span span = Span.fromContext(context);
        responseHeaders(span, exchange, response);
        if (exchange.applicationError() != null && exchange.firstErrorRecord()) {
            span.recordException(exchange.applicationError());
        }
    }

    /**
     * The exchange is over on otel-cdi's side; the agent ends its span itself. Where its span is
     * still open, the response headers are taken again: writers set some (RESTEasy the
     * {@code Content-Type}) only after the response filters ran.
     */
    void ended(ServerExchange exchange, ContainerResponseContext response, Throwable error) {
        Span span = Span.fromContext(exchange.context());
        if (span.isRecording()) {
            responseHeaders(span, exchange, response);
        }
        if (error != null && exchange.firstErrorRecord()) {
            span.recordException(error);
        }
    }

    private void responseHeaders(Span span, ServerExchange exchange, ContainerResponseContext response) {
        if (!responseHeaders.isEmpty() && response != null) {
            AttributesBuilder extracted = Attributes.builder();
            headers.onEnd(extracted, exchange.context(), exchange, response, null);
            copy(extracted.build(), responseHeaders, span);
        }
    }

    private static void copy(Attributes extracted, List<AttributeKey<List<String>>> keys, Span span) {
        for (AttributeKey<List<String>> key : keys) {
            List<String> values = extracted.get(key);
            if (values != null) {
                span.setAttribute(key, values);
            }
        }
    }
}
