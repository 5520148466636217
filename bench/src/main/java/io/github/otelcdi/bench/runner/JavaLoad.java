package io.github.otelcdi.bench.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The JDK's HTTP client from a few threads: heavier than wrk, used where wrk is not installed. */
final class JavaLoad implements Load {

    private final int connections;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    JavaLoad(int connections) {
        this.connections = connections;
    }

    @Override
    public Result run(URI uri, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            workers.add(threads.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long failed = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() >= 400) {
                            failed++;
                        }
                    } catch (IOException e) {
                        failed++;
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                long[] result = new long[latencies.size() + 1];
                result[0] = failed;
                for (int j = 0; j < latencies.size(); j++) {
                    result[j + 1] = latencies.get(j);
                }
                return result;
            }));
        }
        List<Long> all = new ArrayList<>();
        long failed = 0;
        try {
            for (Future<long[]> worker : workers) {
                long[] result = worker.get();
                failed += result[0];
                for (int j = 1; j < result.length; j++) {
                    all.add(result[j]);
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted.length, failed, sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))] / 1e6;
    }

    @Override
    public String describe() {
        return "JDK HttpClient, " + connections + " threads (wrk not installed)";
    }
}
