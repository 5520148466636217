package io.github.otelcdi.bench.app;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The benchmarked application: Jersey on Grizzly with Weld SE, {@code GET /api/items/{id}},
 * {@code POST /api/items}, {@code GET /api/health}. The variant is chosen by the class path (with
 * or without otel-cdi) and by {@code otel.*} system properties, as a user would choose.
 *
 * <p>Arguments: the application port and the probe port. Prints {@code READY} once serving.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int probePort = Integer.parseInt(args[1]);
        WeldContainer cdi = new Weld().property(Weld.ARCHIVE_ISOLATION_SYSTEM_PROPERTY, false).initialize();
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/api/"),
                new ResourceConfig(ItemsResource.class, HealthResource.class));
        Probe probe = Probe.start(probePort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            probe.stop();
            server.shutdownNow();
            cdi.shutdown();
        }));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
