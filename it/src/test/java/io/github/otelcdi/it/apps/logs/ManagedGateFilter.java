package io.github.otelcdi.it.apps.logs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * An application's filter after matching, in front of the {@code @ManagedAsync} method: turns
 * {@code logs/managed/closed} away (403) and fails {@code logs/managed/broken} ({@link GateBrokenException},
 * which {@link GateBrokenMapper} answers 503). Its response side tells, in the {@value #SEEN} header,
 * what the thread showed there (as {@link LogsResource} answers it).
 */
@Provider
public class ManagedGateFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The response header with what the response filter saw. */
    public static final String SEEN = "X-Seen";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.endsWith("managed/closed")) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).build());
        } else if (path.endsWith("managed/broken")) {
            throw new GateBrokenException();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().contains("managed/")) {
            response.getHeaders().putSingle(SEEN, LogsResource.seen());
        }
    }
}
