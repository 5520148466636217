package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.RequestProperties;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.github.otelcdi.jaxrs.internal.ServerTelemetry;
import io.github.otelcdi.jaxrs.internal.scope.EventSinkInterceptor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * One request's way through Jersey. The SERVER span is current from matching (sub-resource
 * locators, post-matching filters) until the resource method returns: Jersey reports both on the
 * request thread, so the scope opens and closes on one thread even when the response completes on
 * another (AsyncResponse, CompletionStage), and nothing stays current on a pooled thread; when no
 * method runs (404, a filter aborts) it closes at the end of the exchange, still on that thread.
 * A {@code @ManagedAsync} method, which Jersey runs on its own executor, is scoped there: the
 * request thread's scope closes once the filters have run.
 * The span ends when Jersey has finished the exchange: after the body is written, with the final
 * headers, also when an exception nothing mapped skipped the response filters.
 *
 * <p>State lives here, not in request properties: on some containers (Grizzly) the properties are
 * gone once an asynchronous response has been written.
 */
final class TrackedRequest implements RequestEventListener {

    private final ServerTelemetry telemetry;
    private ServerExchange exchange;
    private volatile Scope scope;
    private volatile Thread scopeThread;
    // Opened and closed on scopeThread, inside scope.
    private volatile Scope streamScope;
    private ResourceMethod matchedMethod;
    // Set on the thread running the resource method, from its start until it returns.
    private volatile boolean inResourceMethod;
    private volatile boolean resourceMethodStarted;

    /** @param telemetry the application's server telemetry, which resolves the route */
    TrackedRequest(ServerTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void onEvent(RequestEvent event) {
        try {
            switch (event.getType()) {
                case MATCHING_START -> openScope(event.getContainerRequest());
                case REQUEST_MATCHED -> matched(event.getUriInfo());
                case REQUEST_FILTERED -> leaveForManagedThread(event.getContainerRequest());
                case RESOURCE_METHOD_START -> resourceMethodStarts();
                case RESOURCE_METHOD_FINISHED -> resourceMethodReturned();
                case ON_EXCEPTION -> failedBeforeManagedMethod(event);
                case FINISHED -> end(event);
                default -> {
                }
            }
        } catch (RuntimeException e) {
            // Jersey would fail the request with what a listener throws.
            telemetry.failures().report("following a request through Jersey's events", e);
        }
    }

    // From here on Jersey reports the end of the exchange, after the body is written, also when an
    // exception nothing maps skips the response filters: the filter and the writer leave the span to
    // this listener. Told here, not when the request arrives: a request a pre-matching filter turns
    // away, or one this listener does not follow, ends there as on other runtimes.
    private void openScope(ContainerRequest request) {
        ServerExchange started = exchange(request);
        if (started != null) {
            started.endedByContainer();
            scopeThread = Thread.currentThread();
            scope = started.makeCurrent();
        }
    }

    // Found when matching starts, or at the end when it never did: when a pre-matching filter fails
    // and nothing maps it, Jersey skips the response filters, and only this listener sees the
    // exchange end. Kept once found: the properties of an asynchronous request may be gone by the end.
    private ServerExchange exchange(ContainerRequest request) {
        if (exchange == null && request.getProperty(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange started) {
            exchange = started;
        }
        return exchange;
    }

    // Before any post-matching filter, so the route is there also when one (authentication)
    // aborts the request. Jersey's URI info is its routing context, which is the ResourceInfo.
    private void matched(ExtendedUriInfo match) {
        ResourceMethod method = match.getMatchedResourceMethod();
        matchedMethod = method;
        if (method != null && exchange != null && exchange.traced()) {
            if (match instanceof ResourceInfo resource) {
                telemetry.matched(exchange, resource);
            } else {
                // Said (once) rather than a span silently without its route, should Jersey change.
                exchange.report("reading the route from Jersey's matching event",
                        new IllegalStateException("Jersey's URI info is no ResourceInfo: " + match.getClass().getName()));
            }
        }
        openStreamScope();
    }

    // The interceptor that hands an event-stream method a traced sink finds the exchange in the
    // context, nested in the span's scope; only such methods pay for the larger context.
    private void openStreamScope() {
        ResourceMethod method = matchedMethod;
        if (method != null && method.isSse() && scope != null && streamScope == null && Thread.currentThread() == scopeThread) {
            try {
                streamScope = Context.current().with(EventSinkInterceptor.EXCHANGE, exchange).makeCurrent();
            } catch (RuntimeException e) {
                exchange.report("handing an event stream's exchange to its resource method", e);
            }
        }
    }

    // A @ManagedAsync method runs on a thread of Jersey's executor, and the request thread goes back
    // to its pool once the filters have run, with no event to say so: its scope closes now, the
    // last event it sees, and opens again around the method on the executor's thread. Not when a
    // filter aborted the request: its response is written on this thread, which ends the exchange.
    private void leaveForManagedThread(ContainerRequest request) {
        if (managed() && request.getAbortResponse() == null) {
            closeScope();
        }
    }

    private void resourceMethodStarts() {
        resourceMethodStarted = true;
        if (managed()) {
            reopenScope();
        }
        inResourceMethod = true;
    }

    private void resourceMethodReturned() {
        inResourceMethod = false;
        closeScope();
    }

    // A filter after matching threw for a @ManagedAsync method: the method will not run, and the
    // exception is mapped and answered on this thread, with the span current as for other methods.
    private void failedBeforeManagedMethod(RequestEvent event) {
        if (managed() && !resourceMethodStarted) {
            reopenScope();
        }
        rememberError(event);
    }

    private void reopenScope() {
        if (scope == null && exchange != null) {
            scopeThread = Thread.currentThread();
            scope = exchange.makeCurrent();
            openStreamScope();
        }
    }

    private boolean managed() {
        ResourceMethod method = matchedMethod;
        return method != null && method.isManagedAsyncDeclared();
    }

    // An asynchronous response can finish on another thread before Jersey reports, on the request
    // thread, that the resource method returned: only the thread that opened the scope closes it,
    // or the request thread would keep the span (and the MDC ids) for its next request.
    private void closeScope() {
        Scope current = scope;
        if (current != null && Thread.currentThread() == scopeThread) {
            Scope stream = streamScope;
            if (stream != null) {
                streamScope = null;
                stream.close();
            }
            scope = null;
            current.close();
        }
    }

    private void rememberError(RequestEvent event) {
        if (exchange(event.getContainerRequest()) == null) {
            return;
        }
        Throwable thrown = event.getException();
        if (thrown instanceof WebApplicationException && matchedMethod == null && event.getUriInfo().getMatchedResources().isEmpty()) {
            // Jersey's own NotFound/NotAllowed/NotAcceptable from matching, which it throws as they
            // are: no application code failed, the status code says it all. What a filter throws
            // comes wrapped in a MappableException, so a pre-matching filter's failure is reported.
            return;
        }
        // Jersey wraps what the resource threw; the span reports the application's exception.
        while (thrown instanceof MappableException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        // Handed over now, not at the end: a span that is not ours (the agent's) may end with the
        // response. The first failure counts.
        exchange.failed(thrown);
    }

    private void end(RequestEvent event) {
        // A response resumed from inside the resource method ends the exchange while the method
        // still runs, perhaps in a scope of its own: ours closes when the method returns, in order,
        // or the method's scope would make the span current again for good as it closes.
        if (!inResourceMethod || Thread.currentThread() != scopeThread) {
            closeScope();
        }
        if (exchange(event.getContainerRequest()) != null) {
            exchange.end(event.getContainerResponse(), null);
        }
    }
}
