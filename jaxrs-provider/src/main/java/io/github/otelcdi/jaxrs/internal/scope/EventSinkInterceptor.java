package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * On Jersey, around the resource methods that take an event sink, and no others: hands them a
 * traced sink. Jersey's request listener already makes the span current there, and puts the
 * exchange in that context under {@link #EXCHANGE} for this interceptor to find; the method itself
 * runs without it, so that tasks it hands on do not keep the request alive. Made an interceptor by
 * {@link ResourceScopeExtension}, for the reason given on {@link CurrentExchange}.
 */
@ResourceScoped
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class EventSinkInterceptor {

    /** Where the exchange is found while an event-stream resource method of Jersey's is called; in no other context. */
    public static final ContextKey<ServerExchange> EXCHANGE = ContextKey.named("otel-cdi event-stream exchange");

    @AroundInvoke
    Object aroundEventStreamMethod(InvocationContext invocation) throws Exception {
        Context current = Context.current();
        ServerExchange exchange = current.get(EXCHANGE);
        if (exchange == null) {
            return invocation.proceed();
        }
        try (Scope withoutExchange = current.with(EXCHANGE, null).makeCurrent()) {
            return EventSinkArguments.proceed(invocation, invocation.getParameters(), exchange);
        }
    }
}
