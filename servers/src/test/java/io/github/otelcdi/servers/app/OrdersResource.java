package io.github.otelcdi.servers.app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * An order asks the stock endpoint of the same application over HTTP: a CLIENT span, then a second
 * SERVER span, all in the caller's trace. Injects {@link Tracer} and {@link OpenTelemetry}, so an
 * ambiguous bean (the server's and otel-cdi's) fails the deployment.
 */
@Path("/orders")
@RequestScoped
public class OrdersResource {

    @Inject
    Tracer tracer;

    @Inject
    OpenTelemetry openTelemetry;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("{id}")
    @Produces("text/plain")
    public String order(@PathParam("id") String id) {
        Client client = ClientBuilder.newClient();
        try {
            String stock = client.target(uriInfo.getBaseUriBuilder().path("stock").path(id).build())
                    .request("text/plain").get(String.class);
            return "order " + id + ", stock " + stock + ", span " + Span.current().getSpanContext().getSpanId()
                    + ", tracer " + tracer.getClass().getName() + ", sdk " + openTelemetry.getClass().getName();
        } finally {
            client.close();
        }
    }
}
