package io.github.otelcdi.it.apps.chain;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls the downstream service through an injected {@code @RestClient}; needs {@code back/mp-rest/url}.
 * Request-scoped, so the client is made when a request needs it: CXF's CDI integration makes a
 * {@code @Dependent} resource once, while the application deploys, before the test has set the URL.
 */
@RequestScoped
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
