package io.github.otelcdi.it.agent;

import io.github.otelcdi.it.container.EmbeddedDeployment;
import io.github.otelcdi.it.container.ResteasyWebArchiveDeployment;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.Lane;
import java.io.InputStream;
import java.net.URI;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test applications in a JVM of their own, for {@link JavaAgentTest} to attach the
 * OpenTelemetry Java agent to: the hooked shop app, the chain app and the edge-case app on the
 * lane's embedded runtime (Weld SE + Jersey/Grizzly or RESTEasy/Undertow), exporting what otel-cdi's own SDK would export to the endpoint given. Prints
 * {@value #READY} and the three context URIs when serving; stops when its standard input ends.
 */
public final class AgentApp {

    /** The first word of the line that says the applications serve. */
    static final String READY = "READY";
    static final String SHOP = "agent-shop";
    static final String CHAIN = "agent-chain";
    static final String EDGE = "agent-edge";
    /** Excluded from tracing in both applications: the chain app's {@code front/excluded/{id}}, the shop's catalog. */
    static final String EXCLUDED = "/excluded/,/api/catalog/";

    private AgentApp() {
    }

    /**
     * @param args otel-cdi's own OTLP endpoint, then optionally a line of settings for both applications
     */
    public static void main(String[] args) {
        try {
            serve(args);
        } catch (Throwable e) {
            // The suite's receiver and the servers keep the JVM alive: end it, so the test sees why at once.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** An application deployed on this JVM's lane, and where it serves. */
    private record Deployed(EmbeddedDeployment deployment, URI uri) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            deployment.close();
        }
    }

    private static Deployed deploy(WebArchive archive) {
        if (Lane.current().jersey()) {
            WebArchiveDeployment deployed = WebArchiveDeployment.deploy(archive);
            return new Deployed(deployed, deployed.contextUri());
        }
        ResteasyWebArchiveDeployment deployed = ResteasyWebArchiveDeployment.deploy(archive);
        return new Deployed(deployed, deployed.contextUri());
    }

    private static void serve(String[] args) throws Exception {
        String[] settings = {
            "otel.sdk.disabled=false",
            "otel.traces.exporter=otlp",
            "otel.exporter.otlp.protocol=http/protobuf",
            "otel.exporter.otlp.endpoint=" + args[0],
            "otel.metrics.exporter=none",
            "otel.logs.exporter=none",
            "otel.bsp.schedule.delay=20",
            "otel.instrumentation.http.server.capture-request-headers=X-Request-Id",
            "otel.instrumentation.http.server.capture-response-headers=Content-Type",
            "otel.instrumentation.http.server.excluded-urls=" + EXCLUDED,
            // read by a hook of the shop app
            "shop.tenant=acme",
            args.length > 1 ? args[1] : ""};
        try (Deployed shop = deploy(Archives.hookedShop(SHOP, settings));
             Deployed chain = deploy(Archives.chain(CHAIN, settings));
             Deployed edge = deploy(Archives.edge(EDGE, settings))) {
            System.out.println(READY + " " + shop.uri() + " " + chain.uri() + " " + edge.uri());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // Serves until the test closes the pipe.
            }
        }
    }
}
