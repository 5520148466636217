package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.jaxrs.internal.scope.CurrentExchange;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Starts the SERVER span before matching (so 404, 405 and requests aborted by other filters get
 * one too) and ends it once the response is known. Registered by {@link ServerTracingFeature} with
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

    @Context
    private ResourceInfo resourceInfo;

    /**
     * @param telemetry the application's server telemetry
     * @param currentExchange where the resource-method interceptor finds the exchange, or null where
     *                        the runtime's own listener scopes the resource method (Jersey)
     */
    ServerTracingFilter(ServerTelemetry telemetry, CurrentExchange currentExchange) {
        this.telemetry = telemetry;
        this.currentExchange = currentExchange;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ServerExchange exchange = telemetry.start(request);
        if (exchange != null && currentExchange != null) {
            try {
                currentExchange.set(exchange);
            } catch (RuntimeException e) {
                telemetry.failures().report("handing the SERVER span to the resource method", e);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if (request.getProperty(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange) {
                exchange.responded(response);
                // Where the runtime reports the end of the whole exchange, the span ends there instead,
                // so that it covers writing the body and sees the final headers.
                if (request.getProperty(RequestProperties.ENDS_WHEN_WRITTEN) == null) {
                    exchange.end(resourceInfo, response, null);
                }
            }
        } catch (RuntimeException e) {
            telemetry.failures().report("ending a SERVER span", e);
        }
    }
}
