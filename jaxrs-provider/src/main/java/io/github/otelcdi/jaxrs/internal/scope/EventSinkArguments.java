package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.github.otelcdi.jaxrs.internal.sse.TracedEventSink;
import jakarta.interceptor.InvocationContext;

/** Hands a resource method traced event sinks in place of the runtime's. */
final class EventSinkArguments {

    private EventSinkArguments() {
    }

    /**
     * Proceeds with the resource method, handed traced sinks in place of the runtime's.
     *
     * @param invocation the resource method's invocation
     * @param arguments its arguments, as read once by the caller
     * @param exchange the request's exchange
     * @return what the method returned
     * @throws Exception what the method threw
     */
    static Object proceed(InvocationContext invocation, Object[] arguments, ServerExchange exchange) throws Exception {
        boolean traced = trace(invocation, arguments, exchange);
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            if (traced) {
                // The method never got to close the sink it was given.
                exchange.eventStream().abandoned(e);
            }
            throw e;
        }
    }

    private static boolean trace(InvocationContext invocation, Object[] arguments, ServerExchange exchange) {
        // A stream the container already watches (CXF) keeps the runtime's sink: CXF's broadcaster takes only its own.
        if (arguments == null || !exchange.traced() || exchange.eventStream() != null) {
            return false;
        }
        try {
            Object[] traced = TracedEventSink.replacing(arguments, exchange);
            if (traced != null) {
                invocation.setParameters(traced);
                // Only once the method gets the traced sink: else nothing would ever end the span.
                exchange.streaming();
                return true;
            }
        } catch (RuntimeException e) {
            exchange.report("tracing a Server-Sent Events stream", e);
        }
        return false;
    }
}
