package io.github.otelcdi.it.apps.chain;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** Sets the downstream of the injected Rest Client ({@link DownstreamConfig}). */
@Path("downstream")
public class DownstreamResource {

    @PUT
    public String set(String url) {
        DownstreamConfig.VALUES.put(DownstreamConfig.KEY, url.trim());
        return url;
    }
}
