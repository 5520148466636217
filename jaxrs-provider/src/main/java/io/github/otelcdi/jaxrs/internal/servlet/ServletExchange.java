package io.github.otelcdi.jaxrs.internal.servlet;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ContainerExchange;
import io.github.otelcdi.jaxrs.internal.RequestUri;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.opentelemetry.context.Scope;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One servlet exchange as JAX-RS's side of otel-cdi sees it. The SERVER span, once attached, is
 * current on the dispatching thread until the servlet dispatch returns there (so it covers
 * matching, sub-resource locators, filters and the resource method, and never outlives the
 * request on a pooled thread); it ends when the response is complete: right after the dispatch,
 * or when the asynchronous request completes.
 */
final class ServletExchange implements ContainerExchange, AsyncListener {


    private final HttpServletRequest request;
    private ServerExchange exchange;
    private ServerExchange served;
    private Scope scope;

    ServletExchange(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public Connection connection() {
        return Connection.ofServlet(request.getRemoteAddr(), request.getRemotePort(), request.getProtocol());
    }

    @Override
    public RequestUri requestUri() {
        String query = request.getQueryString();
        return RequestUri.parsed(request.getScheme(), request.getRequestURI(), query == null || query.isEmpty() ? null : query);
    }

    @Override
    public void attach(ServerExchange traced) {
        // Once per servlet request: a later async dispatch into JAX-RS ends its own span as usual.
        if (exchange != null) {
            return;
        }
        exchange = traced;
        traced.endedByContainer();
        scope = traced.makeCurrent();
    }

    @Override
    public void serve(ServerExchange traced) {
        served = traced;
    }

    @Override
    public ServerExchange served() {
        return served;
    }

    /**
     * The dispatch returned on this thread, the thread that attached the exchange. Never throws:
     * this runs in the application's request.
     *
     * @param failure what escaped the dispatch, or null
     */
    void dispatched(Throwable failure) {
        ServerExchange traced = exchange;
        if (traced == null) {
            return;
        }
        try {
            Scope current = scope;
            scope = null;
            if (current != null) {
                current.close();
            }
            if (failure == null && endsWithAsyncCompletion()) {
                return;
            }
        } catch (RuntimeException e) {
            traced.report("ending a SERVER span after the servlet dispatch", e);
        }
        traced.end(cause(failure));
    }

    /**
     * @return true when the listener will see the asynchronous request complete; false when it is
     *     complete already (another thread may complete it at any moment, also while the listener
     *     is being added)
     */
    private boolean endsWithAsyncCompletion() {
        if (!request.isAsyncStarted()) {
            return false;
        }
        try {
            request.getAsyncContext().addListener(this);
        } catch (IllegalStateException completedMeanwhile) {
            return false;
        }
        // Completed while the listener was added: its events may be gone; ending twice is harmless.
        return request.isAsyncStarted();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        exchange.end(null);
    }

    @Override
    public void onError(AsyncEvent event) {
        exchange.end(event.getThrowable());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // The runtime answers the timeout; onComplete follows.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // A new asynchronous cycle drops the listeners of the last one.
        event.getAsyncContext().addListener(this);
    }

    /** Runtimes hand an exception nothing mapped to the container wrapped in a ServletException. */
    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ServletException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

}
