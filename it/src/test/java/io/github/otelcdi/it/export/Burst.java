package io.github.otelcdi.it.export;

import io.github.otelcdi.it.support.Http;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** N GET requests from T client threads, with the status and latency of each. */
record Burst(int[] statuses, long[] latencyNanos) {

    static Burst get(URI uri, int requests, int threads) {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    int status = Http.get(uri).statusCode();
                    return new long[] {status, System.nanoTime() - start};
                }));
            }
            int[] statuses = new int[requests];
            long[] latencies = new long[requests];
            for (int i = 0; i < requests; i++) {
                long[] result = futures.get(i).get();
                statuses[i] = (int) result[0];
                latencies[i] = result[1];
            }
            Arrays.sort(latencies);
            return new Burst(statuses, latencies);
        } catch (Exception e) {
            throw new AssertionError("burst of " + requests + " requests to " + uri + " failed", e);
        } finally {
            clients.shutdownNow();
        }
    }

    int requests() {
        return statuses.length;
    }

    long count(int status) {
        return Arrays.stream(statuses).filter(s -> s == status).count();
    }

    Duration percentile(double p) {
        return Duration.ofNanos(latencyNanos[(int) Math.min(latencyNanos.length - 1, Math.floor(p / 100 * latencyNanos.length))]);
    }

    Duration max() {
        return Duration.ofNanos(latencyNanos[latencyNanos.length - 1]);
    }

    @Override
    public String toString() {
        return requests() + " requests, " + count(200) + " × 200, p50 " + percentile(50).toMillis() + " ms, p99 "
                + percentile(99).toMillis() + " ms, max " + max().toMillis() + " ms";
    }
}
