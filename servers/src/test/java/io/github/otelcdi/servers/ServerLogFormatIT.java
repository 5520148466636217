package io.github.otelcdi.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly's own log format, given {@code %X{trace_id}} as an operator writes it into the server's
 * pattern ({@code ServerLanes} does so before the server starts): a line the application logs while
 * a request is traced carries that request's trace id, and a line logged outside any request none.
 */
@Tag("servers")
@ExtendWith(ArquillianExtension.class)
class ServerLogFormatIT {

    private static final String NAME = "logformat";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        return DropInArchive.of(NAME, List.of("otel-cdi.sdk.disabled=false", "otel.traces.exporter=none",
                "otel.metrics.exporter=none", "otel.logs.exporter=none"), DropInArchive.serverDescriptors());
    }

    @Test
    void traceIdOfTheRequestInTheServersLogFormat() throws Exception {
        String lane = System.getProperty("otel-cdi.lane", "");
        Assumptions.assumeTrue(lane.startsWith("wildfly"), "the log format of WildFly's logging subsystem; " + lane + " has its own");
        String trace = UUID.randomUUID().toString().replace("-", "");
        String label = "traced-" + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.toExternalForm()).resolve("api/log-line/" + label))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String line = awaitLine(label);
        assertTrue(line.contains("trace_id=" + trace), "the request's trace id in the server's log line: " + line);
        assertTrue(line.matches(".*span_id=[0-9a-f]{16}.*"), line);
    }

    private static String awaitLine(String label) throws Exception {
        Path log = Path.of(System.getProperty("otel-cdi.server.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains("log line " + label)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line with " + label + " in " + log);
    }
}
