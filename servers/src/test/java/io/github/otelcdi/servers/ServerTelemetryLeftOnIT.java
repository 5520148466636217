package io.github.otelcdi.servers;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the server ships its own telemetry (WildFly's standalone-microprofile.xml, Payara): the
 * application as a user first writes it, without the descriptor README asks for and with
 * {@code otel.sdk.disabled=false}. Both the server and otel-cdi would trace it; the deployment must
 * fail, saying so, instead of producing two SERVER spans per request.
 */
@Tag("servers")
@ExtendWith(ArquillianExtension.class)
class ServerTelemetryLeftOnIT {

    private static final String NAME = "server-telemetry-left-on";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive application() {
        return DropInArchive.of(NAME, List.of("otel.sdk.disabled=false", "otel.traces.exporter=none",
                "otel.metrics.exporter=none"), List.of());
    }

    @Test
    void deploymentFailsInsteadOfTracingTwice() throws Exception {
        String server = System.getProperty("arquillian.launch");
        Exception failure = null;
        try {
            deployer.deploy(NAME);
        } catch (Exception e) {
            failure = e;
        }
        if (failure != null) {
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause).append('\n');
            }
            System.out.println("[servers] " + server + ", server telemetry left on: deployment refused: " + messages);
            assertTrue(messages.toString().contains("otel-cdi: "), "otel-cdi's own explanation: " + messages);
            return;
        }
        // Payara Micro's adapter reports a deployment whose application failed to start as deployed
        // (the reason, otel-cdi's message, is in Payara's log): the application must not be serving.
        URI stock = URI.create("http://127.0.0.1:" + System.getProperty("servers.http.port") + "/" + NAME + "/api/stock/1");
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stock).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        System.out.println("[servers] " + server + ", server telemetry left on: application not started, " + stock + " -> " + status);
        assertNotEquals(200, status, "the application must not run with two telemetries");
        deployer.undeploy(NAME);
    }
}
