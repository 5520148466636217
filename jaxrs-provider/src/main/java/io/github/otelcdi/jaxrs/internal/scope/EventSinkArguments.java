package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.github.otelcdi.jaxrs.internal.sse.TracedEventSink;
import jakarta.interceptor.InvocationContext;

/** Hands a resource method traced event sinks in place of the runtime's. */
final class EventSinkArguments {

    private EventSinkArguments() {
    }

    /**
     * @param invocation the resource method's invocation, before it proceeds
     * @param exchange the request's exchange
     */
    static void trace(InvocationContext invocation, ServerExchange exchange) {
        Object[] arguments = invocation.getParameters();
        if (arguments == null || !exchange.traced()) {
            return;
        }
        try {
            Object[] traced = TracedEventSink.replacing(arguments, exchange);
            if (traced != null) {
                invocation.setParameters(traced);
                // Only once the method gets the traced sink: else nothing would ever end the span.
                exchange.streaming();
            }
        } catch (RuntimeException e) {
            exchange.report("tracing a Server-Sent Events stream", e);
        }
    }
}
