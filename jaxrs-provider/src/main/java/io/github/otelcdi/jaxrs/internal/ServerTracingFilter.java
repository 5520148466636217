package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.jaxrs.internal.scope.CurrentExchange;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Starts the SERVER span before matching (so 404, 405 and requests aborted by other filters get
 * one too), and takes the response once it is known. Registered by {@link ServerTracingFeature} with
 * {@link #PRIORITY}: first among request filters, last among response filters.
 */
@PreMatching
public final class ServerTracingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /**
     * Request filters run in ascending priority, response filters in descending: a very low value
     * puts us around every other filter, so the span sees the final status.
     */
    public static final int PRIORITY = Integer.MIN_VALUE + 1000;

    private final ServerTelemetry telemetry;
    private final CurrentExchange currentExchange;

    /**
     * @param telemetry the application's server telemetry
     * @param currentExchange where the resource-method interceptor finds the exchange when no servlet
     *                        dispatch of otel-cdi's is on the thread, or null where the runtime's own
     *                        listener scopes the resource method (Jersey)
     */
    ServerTracingFilter(ServerTelemetry telemetry, CurrentExchange currentExchange) {
        this.telemetry = telemetry;
        this.currentExchange = currentExchange;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ServerExchange exchange = telemetry.start(request);
        if (exchange == null) {
            return;
        }
        try {
            if (request.getProperty(RequestProperties.CONTAINER_EXCHANGE) instanceof ContainerExchange container) {
                container.attach(exchange);
            }
            if (currentExchange != null) {
                handToResourceMethod(exchange);
            }
        } catch (RuntimeException e) {
            telemetry.failures().report("handing the SERVER span to the resource method", e);
        }
    }

    /**
     * Through the servlet dispatch on this thread where otel-cdi's servlet filter runs: filling the
     * request-scoped bean costs every request ~0.6 KB and a few microseconds. A request filter that
     * suspends the request and resumes it on another thread leaves the resource method there without
     * the exchange (and so without the span current); no runtime's own filters do.
     */
    private void handToResourceMethod(ServerExchange exchange) {
        ContainerExchange dispatching = ContainerDispatch.current();
        if (dispatching != null) {
            dispatching.serve(exchange);
        } else {
            currentExchange.set(exchange);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if (request.getProperty(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange) {
                exchange.responded(response);
                if (currentExchange != null && !exchange.resourceMethodEntered()
                        && MediaType.SERVER_SENT_EVENTS_TYPE.isCompatible(response.getMediaType())) {
                    // An event stream whose headers go out before its method runs (CXF, where the
                    // resource-method interceptor would have been entered otherwise): the container
                    // says when it is over.
                    telemetry.watchEventStream(request, exchange);
                }
                if (exchange.eventStream() != null && exchange.eventStream().isAbandoned()) {
                    exchange.end(response, null);
                    return;
                }
                ServerExchange.Ending ending = exchange.ending();
                if (ending == ServerExchange.Ending.AFTER_WRITE && !response.hasEntity()) {
                    // Filters run again for the bodiless error response that replaced a body no
                    // writer could write (RESTEasy): no writer will end the span now.
                    exchange.end(response, null);
                    return;
                }
                if (ending != ServerExchange.Ending.RESPONSE_FILTER) {
                    return;
                }
                // The writer runs for a body (not for HEAD): ending there includes writing it.
                if (response.hasEntity() && !HttpMethod.HEAD.equals(request.getMethod())) {
                    exchange.endedBy(ServerExchange.Ending.AFTER_WRITE);
                } else {
                    exchange.end(response, null);
                }
            }
        } catch (RuntimeException e) {
            telemetry.failures().report("ending a SERVER span", e);
        }
    }
}
