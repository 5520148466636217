package io.github.otelcdi.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A health check, excluded from tracing by {@code otel.instrumentation.http.server.excluded-urls}. */
@Path("/health")
@ApplicationScoped
public class HealthResource {

    @GET
    public String health() {
        return "UP";
    }
}
