package io.github.otelcdi.servers.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Excluded from tracing by the app's settings. */
@Path("/health")
@RequestScoped
public class HealthResource {

    @GET
    @Produces("text/plain")
    public String health() {
        return "up";
    }
}
