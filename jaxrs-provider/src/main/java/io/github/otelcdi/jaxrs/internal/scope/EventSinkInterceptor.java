package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.opentelemetry.context.Context;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * On Jersey, around the resource methods that take an event sink, and no others: hands them a
 * traced sink. Jersey's request listener already makes the span current there, and puts the
 * exchange in that context ({@link ServerExchange#STREAMING}) for this interceptor to find. Made an
 * interceptor by {@link ResourceScopeExtension}, for the reason given on {@link CurrentExchange}.
 */
@ResourceScoped
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class EventSinkInterceptor {

    @AroundInvoke
    Object aroundEventStreamMethod(InvocationContext invocation) throws Exception {
        ServerExchange exchange = Context.current().get(ServerExchange.STREAMING);
        if (exchange != null) {
            EventSinkArguments.trace(invocation, exchange);
        }
        return invocation.proceed();
    }
}
