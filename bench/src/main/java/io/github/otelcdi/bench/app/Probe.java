package io.github.otelcdi.bench.app;

import com.sun.net.httpserver.HttpServer;
import io.github.otelcdi.bench.otel.DiscardedSpans;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.ObjectName;

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

    static Probe start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4);
        server.createContext("/probe", exchange -> {
            byte[] answer = (cpuNanos() + " " + allocatedBytes() + " " + exportedSpans()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        // Retained heap and loaded classes, after a full collection: what the application keeps.
        server.createContext("/memory", exchange -> {
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            byte[] answer = (heap + " " + classes).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return new Probe(server);
    }

    /** @return spans the discarding exporter received (its MBean; 0 where nothing exports to it) */
    private static long exportedSpans() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(DiscardedSpans.OBJECT_NAME), DiscardedSpans.ATTRIBUTE);
        } catch (InstanceNotFoundException untraced) {
            return 0;
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the span count", e);
        }
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
