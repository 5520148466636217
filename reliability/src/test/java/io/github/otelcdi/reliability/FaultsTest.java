package io.github.otelcdi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.github.otelcdi.reliability.app.hooks.SlowHook;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Broken hooks and exporters under the {@link MixedLoad}: every request keeps its status and its
 * context, every span still ends (with a broken exporter, a span processor of the test sees each
 * end), the log says it once, and the application stops in bounded time.
 */
class FaultsTest {

    private static final int REQUESTS = 700;
    private static final int CLIENT_THREADS = 8;
    private static final int BLOCK_MILLIS = 1_000;
    private static final long MAX_LOG_LINES = 4;

    @Test
    void hooksThatThrowTakeTimeOrBlockChangeNoResponse() throws Exception {
        MixedLoad load = new MixedLoad("hooks", CLIENT_THREADS, (index, request) -> {
            if (index % 100 == 3) {
                request.header(SlowHook.BLOCK_HEADER, String.valueOf(BLOCK_MILLIS));
            }
        });
        Outcome outcome = run("hooks: throwing (request: IllegalStateException, response: LinkageError), 5 ms each way, "
                        + "7 requests blocked " + BLOCK_MILLIS + " ms", load, "hooks",
                Deployments.app("hooks", Deployments.traced("hooks", "ledger"), MixedLoad.EXCLUDED)
                        .addPackage(SlowHook.class.getPackage()));
        assertEquals(2, outcome.warnings().size(), "one warning per broken hook site: " + JulRecords.describe(outcome.warnings()));
        assertTrue(load.slowestMillis() >= BLOCK_MILLIS, "the blocking hook ran");
    }

    @Test
    void exporterThatThrowsChangesNothing() throws Exception {
        long before = TestExporters.THROWING_CALLS.get();
        MixedLoad load = new MixedLoad("throwing", CLIENT_THREADS, (index, request) -> { });
        Outcome outcome = run("exporter throwing from export and shutdown", load, "throwing",
                Deployments.app("throwing", Deployments.traced("throwing", "throwing"), MixedLoad.EXCLUDED,
                        LedgerProcessorCustomizer.SETTING));
        assertTrue(TestExporters.THROWING_CALLS.get() > before, "the broken exporter was called");
        assertLossSaidInFewLines(outcome);
    }

    @Test
    void exporterThatNeverAnswersChangesNothing() throws Exception {
        long before = TestExporters.HANGING_CALLS.get();
        MixedLoad load = new MixedLoad("hanging", CLIENT_THREADS, (index, request) -> { });
        Outcome outcome = run("exporter never completing an export, a flush or its shutdown (export timeout 200 ms)", load, "hanging",
                Deployments.app("hanging", Deployments.traced("hanging", "hanging"), MixedLoad.EXCLUDED,
                        LedgerProcessorCustomizer.SETTING,
                        "otel.bsp.export.timeout=200"));
        assertTrue(TestExporters.HANGING_CALLS.get() > before, "the hanging exporter was called");
        assertLossSaidInFewLines(outcome);
    }

    @Test
    void exporterWhoseBackendRefusesConnectionsChangesNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MixedLoad load = new MixedLoad("refused", CLIENT_THREADS, (index, request) -> { });
        Outcome outcome = run("OTLP exporter to a port that refuses connections", load, "refused",
                Deployments.app("refused", Deployments.traced("refused", "otlp"), MixedLoad.EXCLUDED,
                        LedgerProcessorCustomizer.SETTING,
                        "otel.exporter.otlp.endpoint=http://127.0.0.1:" + closedPort));
        assertLossSaidInFewLines(outcome);
    }

    private record Outcome(List<LogRecord> warnings) {
    }

    /** Nothing lost silently, nothing said per request: the loss report, in a handful of lines. */
    private static void assertLossSaidInFewLines(Outcome outcome) {
        String lines = JulRecords.describe(outcome.warnings());
        assertTrue(outcome.warnings().size() <= MAX_LOG_LINES, lines);
        assertTrue(outcome.warnings().stream().anyMatch(r -> r.getLoggerName().endsWith("LossReport")), lines);
    }

    private static Outcome run(String fault, MixedLoad load, String service, WebArchive archive) throws Exception {
        Ledger ledger = Ledger.open(service, load::problem);
        long traced = MixedLoad.traced(0, REQUESTS);
        long stopMillis;
        List<LogRecord> warnings;
        try (JulRecords log = JulRecords.atLeast(Level.WARNING)) {
            WebArchiveDeployment app = WebArchiveDeployment.deploy(archive);
            try {
                load.send(app.applicationUri(), 0, REQUESTS);
                ledger.awaitServerSpans(traced, 3_000);
            } finally {
                long stopping = System.nanoTime();
                app.close();
                stopMillis = (System.nanoTime() - stopping) / 1_000_000;
            }
            warnings = log.ours();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Figures.print("faults", String.format("%s: %d requests from %d threads, wrong status %d, context leaks %d, "
                        + "slowest %d ms; %d of %d traced requests have their ended SERVER span (wrong spans %s); "
                        + "%d warnings logged by otel-cdi/OpenTelemetry %s; application stopped in %d ms",
                fault, REQUESTS, CLIENT_THREADS, load.wrongStatus(), load.leaks(), load.slowestMillis(),
                ledger.distinctRequests(), traced, ledger.problems(), warnings.size(), JulRecords.describe(warnings), stopMillis));
        assertEquals(List.of(), load.failures(), "responses");
        assertEquals(0, ledger.problemCount(), ledger.problems());
        assertEquals(traced, ledger.distinctRequests(), "every span ended and reached the working exporter");
        assertTrue(stopMillis < 15_000, "stopped in " + stopMillis + " ms");
        return new Outcome(warnings);
    }
}
