package io.github.otelcdi.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The orders API: plain JAX-RS, no tracing code at all. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class OrdersResource {

    @Inject
    OrderStore store;

    @GET
    @Path("{id: [0-9]+}")
    public String get(@PathParam("id") long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no order " + id)).toJson();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("item") String item, @FormParam("quantity") int quantity,
            @jakarta.ws.rs.core.Context UriInfo uriInfo) {
        Order order = store.create(item, quantity);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(order.id())).build())
                .entity(order.toJson()).build();
    }

    /** A sub-resource locator: its route is {@code /api/orders/{id}/lines}. */
    @Path("{id: [0-9]+}/lines")
    public OrderLinesResource lines(@PathParam("id") long id) {
        return new OrderLinesResource(store.find(id).orElseThrow(() -> new NotFoundException("no order " + id)));
    }

    /** The error path: a downstream failure nothing maps, so the client gets a 500. */
    @GET
    @Path("{id: [0-9]+}/invoice")
    public String invoice(@PathParam("id") long id) {
        throw new IllegalStateException("invoicing service unavailable for order " + id);
    }
}
