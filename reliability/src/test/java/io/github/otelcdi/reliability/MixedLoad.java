package io.github.otelcdi.reliability;

import io.github.otelcdi.reliability.app.IndexHook;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The mix of requests the suite sends, numbered: request {@code n} is of kind {@code n % 7} (sync,
 * AsyncResponse, CompletionStage, streaming, failing with 500, unmatched 404, excluded) and carries
 * a caller's {@code traceparent} when {@code n} is even. Knows what each request must answer and
 * what its SERVER span must look like ({@link #problem}), so a {@link Ledger} can check every span.
 */
final class MixedLoad {

    /** The excluded-urls setting the app must be deployed with. */
    static final String EXCLUDED = "otel.instrumentation.http.server.excluded-urls=/api/soak/health$";

    enum Kind {
        SYNC("soak/sync/", 200, true), ASYNC("soak/async/", 200, true), STAGE("soak/stage/", 200, true),
        STREAM("soak/stream/", 200, true), FAIL("soak/fail/", 500, false), MISSING("nowhere/", 404, false),
        EXCLUDED("soak/health", 200, true);

        final String path;
        final int status;
        final boolean answersCheck;

        Kind(String path, int status, boolean answersCheck) {
            this.path = path;
            this.status = status;
            this.answersCheck = answersCheck;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final long RUN = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    private final String context;
    private final int clientThreads;
    private final BiConsumer<Long, HttpRequest.Builder> decorate;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong wrongStatus = new AtomicLong();
    private final AtomicLong leaks = new AtomicLong();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /**
     * @param context the context root the app is deployed at
     * @param clientThreads how many requests are in flight at once
     * @param decorate adds headers to request {@code n}, if the test wants some
     */
    MixedLoad(String context, int clientThreads, BiConsumer<Long, HttpRequest.Builder> decorate) {
        this.context = context;
        this.clientThreads = clientThreads;
        this.decorate = decorate;
    }

    static Kind kind(long index) {
        return KINDS[(int) (index % KINDS.length)];
    }

    static boolean withParent(long index) {
        return index % 2 == 0;
    }

    static long traced(long from, long to) {
        long traced = 0;
        for (long i = from; i < to; i++) {
            traced += kind(i) == Kind.EXCLUDED ? 0 : 1;
        }
        return traced;
    }

    private static String traceId(long index) {
        return String.format("%016x%016x", RUN, index + 1);
    }

    private static String parentId(long index) {
        return String.format("%016x", index + 1);
    }

    /** @return what is wrong with the SERVER span of request {@code index}, or null */
    String problem(long index, SpanData span) {
        Kind kind = kind(index);
        if (kind == Kind.EXCLUDED) {
            return "an excluded request was traced";
        }
        String expectedName = kind == Kind.MISSING ? "GET" : "GET /" + context + "/api/" + kind.path + "{id}";
        if (!expectedName.equals(span.getName())) {
            return "named " + span.getName() + ", expected " + expectedName;
        }
        Long status = span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE);
        if (status == null || status != kind.status) {
            return "status " + status + ", expected " + kind.status;
        }
        if (withParent(index)) {
            boolean child = span.getTraceId().equals(traceId(index)) && span.getParentSpanId().equals(parentId(index))
                    && span.getParentSpanContext().isRemote();
            return child ? null : "not the child of the caller's span " + parentId(index);
        }
        return span.getParentSpanContext().isValid() ? "has a parent but the caller sent none" : null;
    }

    /** Sends requests {@code from} (inclusive) to {@code to} (exclusive) to the application at {@code base}. */
    void send(URI base, int from, int to) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
        try {
            AtomicInteger next = new AtomicInteger(from);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < clientThreads; t++) {
                workers.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        sendOne(base, i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private void sendOne(URI base, long index) throws Exception {
        Kind kind = kind(index);
        URI uri = base.resolve(kind.path + (kind == Kind.EXCLUDED ? "" : String.valueOf(index)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header(IndexHook.HEADER, String.valueOf(index));
        if (withParent(index)) {
            request.header("traceparent", "00-" + traceId(index) + "-" + parentId(index) + "-01");
        }
        decorate.accept(index, request);
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        slowestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
        if (response.statusCode() != kind.status) {
            wrongStatus.incrementAndGet();
            failure("request " + index + " " + uri + ": status " + response.statusCode());
        } else if (kind.answersCheck && !response.body().startsWith("ok")) {
            leaks.incrementAndGet();
            failure("request " + index + " " + uri + ": " + response.body().lines().findFirst().orElse(""));
        }
    }

    private void failure(String description) {
        if (failures.size() < 10) {
            failures.add(description);
        }
    }

    /** @return the first failed responses, described */
    List<String> failures() {
        return List.copyOf(failures);
    }

    long wrongStatus() {
        return wrongStatus.get();
    }

    long leaks() {
        return leaks.get();
    }

    /** @return the longest a request took, in milliseconds */
    long slowestMillis() {
        return slowestNanos.get() / 1_000_000;
    }

    /** Forgets the slowest request so far, e.g. after a warm-up. */
    void resetSlowest() {
        slowestNanos.set(0);
    }
}
