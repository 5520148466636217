package io.github.otelcdi.testing.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** An order, with its stock asked of {@link StockResource} over HTTP: a CLIENT span inside the SERVER span. */
@Path("orders")
@RequestScoped
public class OrdersResource {

    private final Client client;

    @Context
    private UriInfo uri;

    /** Where the CDI extension registers CLIENT tracing on every client by itself. */
    public OrdersResource() {
        this(ClientBuilder.newClient());
    }

    /** @param client a client the application set up, e.g. with {@code JaxRsTelemetry}'s client feature */
    public OrdersResource(Client client) {
        this.client = client;
    }

    @GET
    @Path("{id}")
    public String order(@PathParam("id") String id) {
        String stock = client.target(uri.getBaseUri()).path("stock").path(id).request().get(String.class);
        return "order " + id + ", " + stock;
    }
}
