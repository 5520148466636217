package io.github.otelcdi.it.apps.chain;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls the downstream service through an injected {@code @RestClient}; needs {@code back/mp-rest/url}. */
@Path("relay")
public class RelayResource {

    @Inject
    @RestClient
    BackApi back;

    @GET
    @Path("sync/{id}")
    public String sync(@PathParam("id") String id) {
        return back.get(id);
    }

    @GET
    @Path("async/{id}")
    public CompletionStage<String> async(@PathParam("id") String id) {
        return back.getAsync(id);
    }
}
