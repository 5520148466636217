package io.github.otelcdi.bench.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The server JVM's own counters, read by the runner between rounds on a separate port (never
 * during load): CPU time and allocated bytes summed over the JVM's Java threads. JIT compiler and
 * GC threads are not Java threads, so they are not in the CPU figure; what GC costs shows as the
 * bytes allocated.
 */
final class Probe {

    private final HttpServer server;

    private Probe(HttpServer server) {
        this.server = server;
    }

    /** @param spans spans handed to the exporter so far (0 when untraced) */
    static Probe start(int port, java.util.function.LongSupplier spans) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4);
        server.createContext("/probe", exchange -> {
            byte[] answer = (cpuNanos() + " " + allocatedBytes() + " " + spans.getAsLong()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return new Probe(server);
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    void stop() {
        server.stop(0);
    }
}
