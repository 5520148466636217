package io.github.otelcdi.it.apps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** JAX-RS annotations on an interface only; {@link CatalogResource} carries none. */
@Path("catalog")
public interface CatalogApi {

    @GET
    @Path("/{sku}")
    String product(@PathParam("sku") String sku);
}
