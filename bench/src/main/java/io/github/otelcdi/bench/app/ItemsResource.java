package io.github.otelcdi.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The measured endpoints: as little application work as a real endpoint can have. */
@ApplicationScoped
@Path("items")
public class ItemsResource {

    private final Map<String, String> items = new ConcurrentHashMap<>(Map.of("42", "the answer"));
    private final AtomicLong ids = new AtomicLong(100);

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public Response get(@PathParam("id") String id) {
        String item = items.get(id);
        return item == null ? Response.status(404).build() : Response.ok(item).build();
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public Response create(String name) {
        String id = Long.toString(ids.incrementAndGet());
        items.put(id, name);
        return Response.status(201).entity(id).build();
    }
}
