package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Makes the SERVER span current exactly while a resource method runs, on the thread that runs it:
 * opened before, closed after, on that thread, also when the method suspends an
 * {@code AsyncResponse} or returns a {@code CompletionStage} finished elsewhere. Outermost, so other
 * interceptors of the method see the span too. Made an interceptor by {@link ResourceScopeExtension}
 * (no {@code @Interceptor} here, for the reason given on {@link CurrentExchange}).
 */
@ResourceScoped
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ResourceScopeInterceptor {

    @Inject
    CurrentExchange current;

    @AroundInvoke
    Object aroundResourceMethod(InvocationContext invocation) throws Exception {
        ServerExchange exchange = exchange();
        if (exchange == null || Span.current().getSpanContext().equals(Span.fromContext(exchange.context()).getSpanContext())) {
            return invocation.proceed();
        }
        try (Scope ignored = exchange.makeCurrent()) {
            return invocation.proceed();
        }
    }

    private ServerExchange exchange() {
        try {
            return current.get();
        } catch (ContextNotActiveException e) {
            // A resource bean called outside of any request (a scheduler, a test): nothing to scope.
            return null;
        }
    }
}
