package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.jaxrs.internal.ContainerDispatch;
import io.github.otelcdi.jaxrs.internal.ContainerExchange;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Around the resource methods of runtimes whose JAX-RS API offers no hook there (RESTEasy):
 * <ul>
 * <li>makes the SERVER span current while the method runs, on the thread that runs it (opened
 * before, closed after, also when the method suspends an {@code AsyncResponse} or returns a
 * {@code CompletionStage} finished elsewhere), where nothing made it current already;</li>
 * <li>hands a method that takes an event sink (Server-Sent Events) one that keeps the span open
 * until the stream is over;</li>
 * <li>records what the method throws, before any {@code ExceptionMapper} turns it into a response
 * that filters cannot tell from any other, and how an asynchronous response fails.</li>
 * </ul>
 * Outermost, so other interceptors of the method see the span too. Made an interceptor by
 * {@link ResourceScopeExtension} (no {@code @Interceptor} here, for the reason given on {@link CurrentExchange}).
 */
@ResourceScoped
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ResourceScopeInterceptor {

    @Inject
    CurrentExchange current;

    @AroundInvoke
    Object aroundResourceMethod(InvocationContext invocation) throws Exception {
        ServerExchange exchange = exchange();
        if (exchange == null) {
            return invocation.proceed();
        }
        // Only what leaves the method the runtime invoked counts: a resource bean calling another
        // one that throws may well handle the exception itself.
        boolean outermost = exchange.enterResourceMethod();
        boolean current = Span.current().getSpanContext().equals(Span.fromContext(exchange.context()).getSpanContext());
        try (Scope ignored = current ? null : exchange.makeCurrent()) {
            Object result;
            if (outermost) {
                Object[] arguments = invocation.getParameters();
                watchAsyncResponse(exchange, arguments);
                result = EventSinkArguments.proceed(invocation, arguments, exchange);
            } else {
                result = invocation.proceed();
            }
            if (outermost && result instanceof CompletionStage<?> stage) {
                watchStage(exchange, stage);
            }
            return result;
        } catch (Exception | Error e) {
            if (outermost) {
                exchange.failed(e);
            }
            throw e;
        } finally {
            exchange.exitResourceMethod();
        }
    }

    /** Outside the application's try: what fails here is ours, never the resource method's. */
    private static void watchStage(ServerExchange exchange, CompletionStage<?> stage) {
        try {
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    exchange.failed(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                }
            });
        } catch (RuntimeException e) {
            exchange.report("watching a CompletionStage for its failure", e);
        }
    }

    /** An exception nothing mapped, passed to {@code resume}: the callback is told, filters are not. */
    private static void watchAsyncResponse(ServerExchange exchange, Object[] parameters) {
        if (parameters == null) {
            return;
        }
        try {
            for (Object parameter : parameters) {
                if (parameter instanceof AsyncResponse response) {
                    response.register((CompletionCallback) failure -> {
                        if (failure != null) {
                            exchange.failed(failure);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            exchange.report("watching an AsyncResponse for its failure", e);
        }
    }

    private ServerExchange exchange() {
        ContainerExchange dispatching = ContainerDispatch.current();
        if (dispatching != null) {
            // The tracing filter handed the exchange to the servlet dispatch on this thread; none
            // there means this request is not traced.
            return dispatching.served();
        }
        try {
            return current.get();
        } catch (ContextNotActiveException e) {
            // A resource bean called outside of any request (a scheduler, a test): nothing to scope.
            return null;
        }
    }
}
