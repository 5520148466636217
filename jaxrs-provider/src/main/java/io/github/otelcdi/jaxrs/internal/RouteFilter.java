package io.github.otelcdi.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * The first post-matching filter: the resource method is known, so the span gets its route now,
 * also when a later filter (authentication) aborts the request, and whatever the runtime still
 * knows about the match once the exchange ends. The priority is on the class as well: Jersey ranks
 * an instance registered with a priority by its class's {@code @Priority}.
 */
@Priority(ServerTracingFilter.PRIORITY)
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
            // Jersey's URI info is the routing context itself: reading it directly spares the two
            // lookups per request that the injected proxy makes in HK2.
            telemetry.matched(exchange, request.getUriInfo() instanceof ResourceInfo matched ? matched : resourceInfo);
        }
    }
}
