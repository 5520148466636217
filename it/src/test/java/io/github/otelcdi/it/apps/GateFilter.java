package io.github.otelcdi.it.apps;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * An application's filter before matching: turns {@code edge/gate/closed} away and fails on
 * {@code edge/gate/broken} with an exception nothing maps. Neither path has a resource.
 */
@Provider
@PreMatching
public class GateFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.endsWith("edge/gate/closed")) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).build());
        } else if (path.endsWith("edge/gate/broken")) {
            throw new IllegalStateException("the gate is broken");
        }
    }
}
