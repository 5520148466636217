package io.github.otelcdi.it.apps.cxf;

import io.github.otelcdi.it.apps.chain.BackApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.apache.cxf.jaxrs.client.JAXRSClientFactory;
import org.apache.cxf.jaxrs.client.WebClient;

/** Calls the chain's {@code back} resource with CXF's own client API: a {@code WebClient} and a proxy of {@link BackApi}. */
@Path("cxf")
public class CxfClientResource {

    @Context
    UriInfo uriInfo;

    @GET
    @Path("web-client/{id}")
    public String webClient(@PathParam("id") String id) {
        WebClient client = WebClient.create(uriInfo.getBaseUri().toString());
        try {
            return client.path("back").path(id).get(String.class);
        } finally {
            client.close();
        }
    }

    @GET
    @Path("proxy/{id}")
    public String proxy(@PathParam("id") String id) {
        BackApi back = JAXRSClientFactory.create(uriInfo.getBaseUri().toString(), BackApi.class);
        try {
            return back.get(id);
        } finally {
            WebClient.client(back).close();
        }
    }
}
