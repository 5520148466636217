package io.github.otelcdi.it.apps;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the application's exceptions to responses, as a typical application does. */
public final class EdgeExceptionMappers {

    private EdgeExceptionMappers() {
    }

    @Provider
    public static class OrderMissing implements ExceptionMapper<OrderMissingException> {
        @Override
        public Response toResponse(OrderMissingException exception) {
            return Response.status(404).entity(exception.getMessage()).build();
        }
    }

    @Provider
    public static class BackendDown implements ExceptionMapper<BackendDownException> {
        @Override
        public Response toResponse(BackendDownException exception) {
            return Response.status(502).entity(exception.getMessage()).build();
        }
    }
}
