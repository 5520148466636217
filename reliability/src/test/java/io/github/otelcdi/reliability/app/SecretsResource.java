package io.github.otelcdi.reliability.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

/** Where secrets pass: a login that sets a cookie, and an outbound call to a URL the test chooses. */
@Path("/secrets")
public class SecretsResource {

    @GET
    @Path("login")
    public Response login() {
        return Response.ok("welcome").header("Set-Cookie", "session=s3cr3t-session; HttpOnly").build();
    }

    /** The request header naming the URL that {@code call} calls. */
    public static final String TARGET_HEADER = "x-call-target";

    /** Calls the URL in {@link #TARGET_HEADER}, passing the caller's Authorization on, and answers with the status it got. */
    @GET
    @Path("call")
    public String call(@HeaderParam(TARGET_HEADER) String target, @HeaderParam("Authorization") String authorization) {
        Client client = ClientBuilder.newClient();
        try (Response response = client.target(target).request().header("Authorization", authorization).get()) {
            return String.valueOf(response.getStatus());
        } finally {
            client.close();
        }
    }
}
