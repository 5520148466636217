package io.github.otelcdi.it.apps.logs;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers {@link GateBrokenException} with 503. */
@Provider
public class GateBrokenMapper implements ExceptionMapper<GateBrokenException> {

    @Override
    public Response toResponse(GateBrokenException exception) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
    }
}
