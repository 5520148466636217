package io.github.otelcdi.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.servers.probe.ProbeApplication;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operators redeploy without restarting the server: the same WAR, with spans, metrics and logs
 * exported over OTLP, deployed and undeployed 20 times on WildFly. Afterwards no JUL handler of it
 * is left, and no more threads, MBeans or class loaders of it than after the second round (when
 * the server's and the JDK's own caches have settled; threads and loaders up to one round's worth
 * more), counted by a probe application in the same server; and each round's spans arrived.
 */
@Tag("servers")
@ExtendWith(ArquillianExtension.class)
class RedeployIT {

    private static final String APP = "redeploy";
    private static final int ROUNDS = 20;
    private static final int REQUESTS = 10;
    private static final OtlpTraceReceiver RECEIVER = OtlpTraceReceiver.start();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration LINGER = Duration.ofSeconds(30);
    /** The three exporters' HTTP clients of one deployment: a selector and up to three workers each. */
    private static final long ONE_ROUND_OF_CLIENT_THREADS = 12;

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    private URL probe;

    @Deployment(name = "probe", testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war")
                .addPackage(ProbeApplication.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "otel-cdi.none");
    }

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive application() {
        return DropInArchive.of(APP, List.of("otel-cdi.sdk.disabled=false", "otel.service.name=" + APP,
                "otel.traces.exporter=otlp", "otel.metrics.exporter=otlp", "otel.logs.exporter=otlp",
                "otel.exporter.otlp.protocol=http/protobuf", "otel.exporter.otlp.endpoint=" + RECEIVER.endpoint(),
                "otel.bsp.schedule.delay=50", "otel.metric.export.interval=200"), DropInArchive.serverDescriptors());
    }

    @Test
    void twentyRedeploysLeaveNothingBehind() throws Exception {
        String lane = System.getProperty("otel-cdi.lane", "");
        Assumptions.assumeTrue(lane.equals("wildfly"), "redeploys are checked on WildFly (standalone.xml); " + lane + " runs the suite");
        Map<Integer, String> states = new HashMap<>();
        URI base = URI.create("http://127.0.0.1:" + System.getProperty("servers.http.port") + "/" + APP + "/");
        for (int round = 1; round <= ROUNDS; round++) {
            RECEIVER.clear();
            deployer.deploy(APP);
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    assertEquals(200, get(base.resolve("api/stock/" + i)).statusCode());
                }
            } finally {
                deployer.undeploy(APP);
            }
            // Undeploying flushes: the round's spans are all in.
            assertEquals(REQUESTS, RECEIVER.spans().size(), "round " + round + ": every span exported before the undeploy");
            states.put(round, state());
        }
        // The exporters' HTTP clients end their threads shortly after the undeploy (their idle
        // connections close, their selector notices the client is gone): give them that time.
        Map<String, Long> second = counts(states.get(2));
        String settled = state();
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (!noMoreThan(counts(settled), second) && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            settled = state();
        }
        System.out.println("[servers] redeploys on " + lane + ": after round 2 " + states.get(2) + "; after round " + ROUNDS + " "
                + states.get(ROUNDS) + "; settled " + settled);
        Map<String, Long> last = counts(settled);
        assertTrue(noMoreThan(last, second), "threads, MBeans or class loaders of undeployed applications piled up (more than "
                + "one round's worth over round 2: round 2 "
                + states.get(2) + "; " + LINGER.toSeconds() + " s after round " + ROUNDS + " " + settled + ")");
        assertEquals(0L, last.get("handlers"), "no JUL handler of otel-cdi left: " + settled);
    }

    /**
     * The first deployments also fill the server's and the JDK's own caches; only growth after them
     * counts. One round's worth more is not growth: the JDK's HttpClient of an exporter whose last
     * request was cut by the undeploy can keep its threads (and through their context the
     * application's loader) for a while, in any round, also the second; a pile-up is one per round.
     */
    private static boolean noMoreThan(Map<String, Long> counts, Map<String, Long> reference) {
        for (String what : List.of("handlers", "mbeans")) {
            if (counts.get(what) > reference.get(what)) {
                return false;
            }
        }
        return counts.get("loaders") <= reference.get("loaders") + 1
                && counts.get("threads") <= reference.get("threads") + ONE_ROUND_OF_CLIENT_THREADS;
    }

    private String state() throws Exception {
        return get(URI.create(probe.toExternalForm()).resolve("state?app=" + APP)).body();
    }

    private static Map<String, Long> counts(String state) {
        Map<String, Long> counts = new HashMap<>();
        for (String pair : state.trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].equals("names")) {
                counts.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return counts;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
