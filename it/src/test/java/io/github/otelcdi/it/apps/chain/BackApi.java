package io.github.otelcdi.it.apps.chain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The downstream resource as a MicroProfile Rest Client interface (injectable: configure {@code back/mp-rest/url}). */
@RegisterRestClient(configKey = "back")
@Path("back")
public interface BackApi {

    @GET
    @Path("{id}")
    String get(@PathParam("id") String id);

    @GET
    @Path("{id}")
    CompletionStage<String> getAsync(@PathParam("id") String id);
}
