package io.github.otelcdi.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Sub-resource returned by {@link OrdersResource#lines}. */
public class OrderLinesResource {

    private final Order order;

    public OrderLinesResource(Order order) {
        this.order = order;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String lines() {
        return "[{\"item\":\"" + order.item() + "\",\"quantity\":" + order.quantity() + "}]";
    }
}
