package io.github.otelcdi.testing.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The stock of an article. */
@Path("stock")
@RequestScoped
public class StockResource {

    @GET
    @Path("{id}")
    public String stock(@PathParam("id") String id) {
        return "3 in stock";
    }
}
