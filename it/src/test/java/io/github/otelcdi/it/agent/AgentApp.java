package io.github.otelcdi.it.agent;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.github.otelcdi.it.support.Archives;
import java.io.IOException;
import java.io.InputStream;

/**
 * The test applications in a JVM of their own, for {@link JavaAgentTest} to attach the
 * OpenTelemetry Java agent to: the hooked shop app, the chain app and the edge-case app on Weld SE +
 * Jersey, exporting what otel-cdi's own SDK would export to the endpoint given. Prints
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

    private static void serve(String[] args) throws IOException {
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
        try (WebArchiveDeployment shop = WebArchiveDeployment.deploy(Archives.hookedShop(SHOP, settings));
             WebArchiveDeployment chain = WebArchiveDeployment.deploy(Archives.chain(CHAIN, settings));
             WebArchiveDeployment edge = WebArchiveDeployment.deploy(Archives.edge(EDGE, settings))) {
            System.out.println(READY + " " + shop.contextUri() + " " + chain.contextUri() + " " + edge.contextUri());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // Serves until the test closes the pipe.
            }
        }
    }
}
