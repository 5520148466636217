package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * The first post-matching filter: the resource method is known, so the span gets its route now,
 * also when a later filter (authentication) aborts the request, and whatever the runtime still
 * knows about the match once the exchange ends. RESTEasy and CXF only: Jersey's matching event
 * hands over the match without the cost of a filter.
 */
final class RouteFilter implements ContainerRequestFilter {

    private final ServerTelemetry telemetry;

    @Context
    private ResourceInfo resourceInfo;

    RouteFilter(ServerTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange && exchange.traced()) {
            telemetry.matched(exchange, resourceInfo);
        }
    }
}
