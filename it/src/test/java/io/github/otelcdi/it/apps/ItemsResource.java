package io.github.otelcdi.it.apps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A sub-resource: no class-level {@code @Path}, reached through {@link OrdersResource#items}. */
public class ItemsResource {

    private final String orderId;

    public ItemsResource() {
        this("none");
    }

    public ItemsResource(String orderId) {
        this.orderId = orderId;
    }

    @GET
    @Path("/{itemId}")
    public String item(@PathParam("itemId") String itemId) {
        return "item " + itemId + " of order " + orderId;
    }
}
