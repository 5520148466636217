package io.github.otelcdi.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs the orders service on Weld SE + Jersey (Grizzly) with otel-cdi on the class path and nothing
 * else: no tracing code in the application. By default it drives itself (a few requests, including
 * a 404 and a 500), prints the spans and exits; {@code --serve [port]} keeps serving instead.
 */
public final class OrdersDemo {

    private static final String EXPECTED_SPAN = "SERVER GET /api/orders/{id}";

    private OrdersDemo() {
    }

    public static void main(String[] args) throws Exception {
        // Keep the console for the spans: the embedded server's start-up chatter is not the point here.
        Logger.getLogger("org.jboss.weld").setLevel(Level.WARNING);
        Logger.getLogger("org.glassfish").setLevel(Level.SEVERE);
        boolean serve = args.length > 0 && args[0].equals("--serve");
        int port = serve ? (args.length > 1 ? Integer.parseInt(args[1]) : 8080) : freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/api/");

        WeldContainer cdi = new Weld().property(Weld.ARCHIVE_ISOLATION_SYSTEM_PROPERTY, false).initialize();
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base,
                new ResourceConfig(OrdersResource.class, HealthResource.class));
        System.out.println("Orders demo serving " + base + "orders/42 (spans are printed below)");
        try {
            if (serve) {
                System.out.println("Try: curl " + base + "orders/42   — Ctrl+C to stop");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, cdi)));
                new CountDownLatch(1).await();
            }
            drive(base);
        } finally {
            stop(server, cdi);
        }
        if (!ConsoleSpanExporter.PRINTED.contains(EXPECTED_SPAN)) {
            System.err.println("Demo FAILED: no span '" + EXPECTED_SPAN + "' was printed; printed: " + ConsoleSpanExporter.PRINTED);
            System.exit(1);
        }
        System.out.println();
        System.out.println("Demo OK: " + ConsoleSpanExporter.PRINTED.size() + " spans printed, including '" + EXPECTED_SPAN + "'.");
    }

    /** The requests a client of the shop would make, with what each shows. */
    private static void drive(URI base) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpRequest> requests = List.of(
                get(base.resolve("orders/42")).header("X-Request-Id", "demo-1")
                        // a caller that is itself traced: the SERVER span joins its trace
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build(),
                get(base.resolve("orders/42/lines")).build(),
                HttpRequest.newBuilder(base.resolve("orders")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("item=tea&quantity=3")).build(),
                get(base.resolve("orders/7")).build(),
                get(base.resolve("orders/42/invoice")).build(),
                get(base.resolve("health")).build());
        for (HttpRequest request : requests) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode());
        }
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    }

    private static void stop(HttpServer server, WeldContainer cdi) {
        server.shutdownNow();
        if (cdi.isRunning()) {
            // Shutting CDI down flushes the SDK: every span is printed before this returns.
            cdi.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
