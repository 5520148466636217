package io.github.otelcdi.reliability;

import io.github.otelcdi.reliability.app.IndexHook;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts for SERVER spans as they are exported, without keeping them: each carries the number of
 * the request that made it ({@link IndexHook#INDEX}); the ledger checks it against what that
 * request expects and remembers only which numbers it has seen. So a soak of any length costs a bit
 * per request, and the heap the test measures is the server's.
 */
final class Ledger {

    /** What request {@code index} expects of its span: null when the span is right, else what is wrong. */
    interface Expectation {
        String problem(long index, SpanData span);
    }

    private static volatile Ledger active;

    private final String service;
    private final Expectation expectation;
    private final BitSet seen = new BitSet();
    private final AtomicLong serverSpans = new AtomicLong();
    private final AtomicLong otherSpans = new AtomicLong();
    private final AtomicLong strays = new AtomicLong();
    private final List<String> problems = new ArrayList<>();
    private long problemCount;

    private Ledger(String service, Expectation expectation) {
        this.service = service;
        this.expectation = expectation;
    }

    /**
     * Starts a ledger that every "ledger" exporter and ledger processor reports to from now on.
     *
     * @param service the {@code otel.service.name} of the application under test; spans of others
     *                (an application stopped earlier whose exporter was still busy) are only counted
     */
    static Ledger open(String service, Expectation expectation) {
        Ledger ledger = new Ledger(service, expectation);
        active = ledger;
        return ledger;
    }

    static void exported(SpanData span) {
        Ledger ledger = active;
        if (ledger != null) {
            ledger.record(span);
        }
    }

    private void record(SpanData span) {
        if (!service.equals(span.getResource().getAttribute(ServiceAttributes.SERVICE_NAME))) {
            strays.incrementAndGet();
            return;
        }
        if (span.getKind() != SpanKind.SERVER) {
            otherSpans.incrementAndGet();
            return;
        }
        serverSpans.incrementAndGet();
        Long index = span.getAttributes().get(IndexHook.INDEX);
        if (index == null) {
            problem("a SERVER span without a request number: " + span.getName());
            return;
        }
        String problem = !span.hasEnded() ? "not ended" : expectation.problem(index, span);
        synchronized (seen) {
            if (seen.get(index.intValue())) {
                problem = "a second SERVER span";
            }
            seen.set(index.intValue());
        }
        if (problem != null) {
            problem("request " + index + ": " + problem + " (" + span.getName() + ", trace " + span.getTraceId()
                    + ", parent " + span.getParentSpanId() + ")");
        }
    }

    private synchronized void problem(String description) {
        problemCount++;
        if (problems.size() < 20) {
            problems.add(description);
        }
    }

    /** @return the SERVER spans exported so far */
    long serverSpans() {
        return serverSpans.get();
    }

    /** @return spans of other kinds exported so far */
    long otherSpans() {
        return otherSpans.get();
    }

    /** @return spans of other applications that arrived while this ledger was open */
    long strays() {
        return strays.get();
    }

    /** @return how many distinct requests have their span */
    int distinctRequests() {
        synchronized (seen) {
            return seen.cardinality();
        }
    }

    /** @return whether request {@code index} has its span */
    boolean has(long index) {
        synchronized (seen) {
            return seen.get((int) index);
        }
    }

    /** @return the number of wrong spans, and the first ones described */
    synchronized String problems() {
        return problemCount + (problems.isEmpty() ? "" : " " + problems);
    }

    synchronized long problemCount() {
        return problemCount;
    }

    /** Waits until {@code count} SERVER spans arrived or nothing arrived for {@code quietMillis}. */
    void awaitServerSpans(long count, long quietMillis) {
        long last = -1;
        long quietSince = System.nanoTime();
        while (serverSpans() < count) {
            long now = serverSpans();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > quietMillis * 1_000_000) {
                return;
            }
            Pause.millis(20);
        }
    }
}
