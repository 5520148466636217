package io.github.otelcdi.servers.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.logging.Logger;

/** Writes one log line through {@code java.util.logging}, which the server's log handlers format. */
@Path("/log-line")
@RequestScoped
public class LogLineResource {

    private static final Logger LOG = Logger.getLogger(LogLineResource.class.getName());

    @GET
    @Path("{label}")
    @Produces("text/plain")
    public String line(@PathParam("label") String label) {
        LOG.info("log line " + label);
        return label;
    }
}
