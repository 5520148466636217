package io.github.otelcdi.it.apps.chain;

import io.opentelemetry.api.baggage.Baggage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The downstream service of the chain. */
@Path("back")
public class BackResource {

    @Inject
    Baggage baggage;

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return "back " + id;
    }

    @GET
    @Path("bad/request")
    public Response bad() {
        return Response.status(400).entity("no").build();
    }

    @GET
    @Path("baggage/tenant")
    public String tenant() {
        return String.valueOf(baggage.getEntryValue("tenant"));
    }
}
