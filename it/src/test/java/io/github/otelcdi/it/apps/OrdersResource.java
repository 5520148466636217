package io.github.otelcdi.it.apps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/orders/")
public class OrdersResource {

    @GET
    public String list() {
        return "orders";
    }

    @GET
    @Path("{id: [0-9]+}")
    public String get(@PathParam("id") String id) {
        return "order " + id;
    }

    @Path("{id}/items")
    public ItemsResource items(@PathParam("id") String id) {
        return new ItemsResource(id);
    }
}
