package io.github.otelcdi.it.apps;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** An authentication filter that turns away requests to {@code edge/secure} without credentials. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("edge/secure") && request.getHeaderString("Authorization") == null) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED).build());
        }
    }
}
