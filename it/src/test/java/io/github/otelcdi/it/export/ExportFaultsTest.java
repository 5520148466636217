package io.github.otelcdi.it.export;

import io.github.otelcdi.it.support.Archives;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.backends.OtlpReceiver;
import io.github.otelcdi.it.backends.OtlpReceiver.Behaviour;
import io.github.otelcdi.it.backends.OtlpReceiver.Protocol;
import io.github.otelcdi.it.container.WebArchiveDeployment;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A backend that is down, goes down, is slow or answers errors never costs a request its status or
 * its latency; every span is either delivered or counted as lost, and the losses of one outage are
 * told in one warning, with the count when export works again.
 */
class ExportFaultsTest {

    /** Far above a request's own latency here (milliseconds), far below the backend's trouble (seconds). */
    private static final Duration LATENCY_BOUND = Duration.ofSeconds(2);
    private static final Pattern LOST = Pattern.compile("works again; (\\d+) spans were lost");
    private static final String LOSING = "is losing spans";

    @Test
    void backendDownAtStartThenComingUp() throws IOException {
        int port = freePort();
        long sent = 0;
        try (CapturedLog log = CapturedLog.otelCdi();
             OtlpReceiver receiver = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, port)) {
            receiver.stop();
            try (WebArchiveDeployment app = deploy("down-at-start", receiver, "otel.bsp.schedule.delay=50")) {
                URI uri = app.applicationUri().resolve("orders/1");
                Burst down = Burst.get(uri, 100, 4);
                sent += down.requests();
                assertUnharmed(down);
                log.await(LOSING, Duration.ofSeconds(30));

                receiver.restart();
                sent += probeUntil(uri, () -> !log.lines(line -> LOST.matcher(line.message()).find()).isEmpty());
            }
            assertAccounted(sent, receiver, log);
        }
    }

    @Test
    void backendAnsweringErrorsThenGoingDownThenBack() {
        long sent = 0;
        try (CapturedLog log = CapturedLog.otelCdi();
             OtlpReceiver receiver = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0)) {
            try (WebArchiveDeployment app = deploy("errors", receiver, "otel.bsp.schedule.delay=50")) {
                URI uri = app.applicationUri().resolve("orders/2");
                Burst healthy = Burst.get(uri, 50, 4);
                sent += healthy.requests();
                Waiting.until(() -> serverSpans(receiver) == 50, Duration.ofSeconds(20), "50 spans while healthy");

                receiver.behave(new Behaviour(Duration.ZERO, true));
                Burst erroring = Burst.get(uri, 100, 4);
                sent += erroring.requests();
                assertUnharmed(erroring);
                log.await(LOSING, Duration.ofSeconds(20));

                receiver.stop();
                Burst down = Burst.get(uri, 100, 4);
                sent += down.requests();
                assertUnharmed(down);

                receiver.heal();
                receiver.restart();
                sent += probeUntil(uri, () -> !log.lines(line -> LOST.matcher(line.message()).find()).isEmpty());
            }
            assertAccounted(sent, receiver, log);
        }
    }

    @Test
    void slowBackendKeepsRequestsFastAndTheQueueBounded() {
        long sent = 0;
        try (CapturedLog log = CapturedLog.otelCdi();
             OtlpReceiver receiver = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0)) {
            receiver.behave(new Behaviour(Duration.ofSeconds(10), false));
            try (WebArchiveDeployment app = deploy("slow", receiver, "otel.bsp.schedule.delay=50",
                    "otel.bsp.max.queue.size=100", "otel.bsp.max.export.batch.size=50", "otel.exporter.otlp.timeout=20000")) {
                URI uri = app.applicationUri().resolve("orders/3");
                Burst slow = Burst.get(uri, 600, 8);
                sent += slow.requests();
                assertUnharmed(slow);
                assertEquals(1, log.lines(line -> line.message().contains(LOSING)).size(), "one warning: " + log.atLeast(Level.INFO));

                receiver.heal();
                sent += probeUntil(uri, () -> !log.lines(line -> LOST.matcher(line.message()).find()).isEmpty());
            }
            long lost = assertAccounted(sent, receiver, log);
            assertTrue(lost >= 600 - 100 - 50 - 50, "the queue (100) and the batches in flight held the rest; lost " + lost);
        }
    }

    private static WebArchiveDeployment deploy(String name, OtlpReceiver receiver, String... settings) {
        return WebArchiveDeployment.deploy(Archives.shop(name,
                ExportSettings.otlp("faults", Protocol.HTTP_PROTOBUF, receiver.endpoint(), 0), String.join("\n", settings)));
    }

    private static void assertUnharmed(Burst burst) {
        System.out.println("[export faults] " + burst);
        assertEquals(burst.requests(), burst.count(200), burst.toString());
        assertTrue(burst.max().compareTo(LATENCY_BOUND) < 0, "no request waited for the backend: " + burst);
    }

    /** Sends a request every 100 ms until {@code done}; returns how many were sent. */
    private static long probeUntil(URI uri, java.util.function.BooleanSupplier done) {
        long probes = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "export did not resume within 60 s");
            assertEquals(200, Http.get(uri).statusCode());
            probes++;
            Waiting.sleep(100);
        }
        return probes;
    }

    /** Every span sent is at the backend or in the lost count; one warning for the outage. Returns the lost count. */
    private static long assertAccounted(long sent, OtlpReceiver receiver, CapturedLog log) {
        List<CapturedLog.Line> told = log.atLeast(Level.INFO);
        System.out.println("[export faults] otel-cdi said: " + told);
        long lost = 0;
        for (CapturedLog.Line line : told) {
            Matcher matcher = LOST.matcher(line.message());
            if (matcher.find()) {
                lost += Long.parseLong(matcher.group(1));
            }
        }
        assertEquals(1, log.lines(line -> line.message().contains(LOSING)).size(), "one warning per outage: " + told);
        assertEquals(1, log.atLeast(Level.WARNING).size(), "nothing else warned: " + told);
        long received = serverSpans(receiver);
        System.out.println("[export faults] sent " + sent + ", received " + received + " (" + receiver.spans().size()
                + " with retried duplicates), lost " + lost);
        assertEquals(sent, received + lost, "sent = received + counted as lost");
        return lost;
    }

    /**
     * Distinct SERVER spans: OTLP delivers at least once, so an export the exporter gave up waiting
     * for (the slow backend answers after OkHttp's 10 s read timeout) arrives again when retried.
     */
    private static long serverSpans(OtlpReceiver receiver) {
        return receiver.spans().stream().filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                .map(s -> s.span().getSpanId()).distinct().count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
