package io.github.otelcdi.it.apps.chain;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;

/** The upstream service: calls {@link BackResource} in every way an application does. */
@Path("front")
public class FrontResource {

    @Context
    UriInfo uriInfo;

    @Inject
    Greeter greeter;

    @GET
    @Path("sync/{id}")
    public String sync(@PathParam("id") String id) {
        try (Client client = ClientBuilder.newClient()) {
            return client.target(uriInfo.getBaseUri()).path("back").path(id).request().get(String.class);
        }
    }

    @GET
    @Path("rx/{id}")
    public CompletionStage<String> rx(@PathParam("id") String id) {
        Client client = ClientBuilder.newClient();
        return client.target(uriInfo.getBaseUri()).path("back").path(id).request().rx().get(String.class)
                .whenComplete((body, failure) -> client.close());
    }

    @GET
    @Path("async/{id}")
    public String async(@PathParam("id") String id) throws Exception {
        try (Client client = ClientBuilder.newClient()) {
            return client.target(uriInfo.getBaseUri()).path("back").path(id).request().async().get(String.class).get();
        }
    }

    @GET
    @Path("downstream-400")
    public String downstream400() {
        try (Client client = ClientBuilder.newClient(); Response response = client.target(uriInfo.getBaseUri())
                .path("back/bad/request").queryParam("sig", "s3cr3t").request().get()) {
            return "downstream said " + response.getStatus();
        }
    }

    @GET
    @Path("refused")
    public String refused(@QueryParam("port") int port) {
        try (Client client = ClientBuilder.newClient()) {
            client.target("http://127.0.0.1:" + port + "/nothing").request().get(String.class);
            return "connected?";
        } catch (ProcessingException e) {
            // Clients wrap the failure in their own ConnectException subclass (RESTEasy's Apache client).
            String cause = e.getCause() instanceof java.net.ConnectException ? java.net.ConnectException.class.getName()
                    : e.getCause().getClass().getName();
            return e.getClass().getName() + " caused by " + cause;
        }
    }

    @GET
    @Path("baggage")
    public String baggage() {
        try (Client client = ClientBuilder.newClient()) {
            return client.target(uriInfo.getBaseUri()).path("back/baggage/tenant").request().get(String.class);
        }
    }

    @GET
    @Path("excluded/{id}")
    public String excluded(@PathParam("id") String id) {
        return sync(id);
    }

    @GET
    @Path("greet")
    public String greet() {
        return greeter.greet("ada", 2);
    }

    @GET
    @Path("greet-fail")
    public String greetFail() {
        try {
            return greeter.fail();
        } catch (IllegalStateException e) {
            return "caught " + e.getMessage();
        }
    }

    @GET
    @Path("greet-later")
    public CompletionStage<String> greetLater() {
        return greeter.later(150);
    }
}
