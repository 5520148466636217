package io.github.otelcdi.it.apps.chain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Calls {@link BackResource} through a MicroProfile Rest Client built in the method; apart from
 * {@link FrontResource}, so that runtimes without the Rest Client can serve the rest of the chain.
 */
@Path("restfront")
public class RestFrontResource {

    @Context
    UriInfo uriInfo;

    @GET
    @Path("rest/{id}")
    public String rest(@PathParam("id") String id) {
        return RestClientBuilder.newBuilder().baseUri(uriInfo.getBaseUri()).build(BackApi.class).get(id);
    }

    @GET
    @Path("rest-async/{id}")
    public CompletionStage<String> restAsync(@PathParam("id") String id) {
        return RestClientBuilder.newBuilder().baseUri(uriInfo.getBaseUri()).build(BackApi.class).getAsync(id);
    }
}
