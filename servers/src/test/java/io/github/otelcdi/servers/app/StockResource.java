package io.github.otelcdi.servers.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** The second endpoint the order calls. */
@Path("/stock")
@RequestScoped
public class StockResource {

    @GET
    @Path("{id}")
    @Produces("text/plain")
    public String stock(@PathParam("id") String id) {
        return String.valueOf(id.length() * 7);
    }
}
