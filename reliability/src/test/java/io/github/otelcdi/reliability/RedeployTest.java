package io.github.otelcdi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same application deployed and undeployed 20 times in one JVM, with everything on: spans to its
 * own exporter and over OTLP, metrics and logs over OTLP (so the JUL bridge is installed), runtime
 * metrics. Afterwards: no more threads, JUL handlers, shutdown hooks or heap than after the first
 * two, every deployment's class loader collected, and each deployment's spans went to its own exporter.
 */
class RedeployTest {

    private static final int DEPLOYMENTS = 20;
    private static final int WARM_UP = 2;
    private static final int REQUESTS = 21;
    private static final long HEAP_MARGIN = 8L * 1024 * 1024;

    @Test
    void redeployingTwentyTimesLeavesNothingBehind() throws Exception {
        TestExporters.ROUTED.clear();
        TestExporters.MISROUTED.set(0);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        JvmFootprint before = null;
        Map<String, Long> exports;
        long started = System.nanoTime();
        try (OtlpSink sink = OtlpSink.start()) {
            for (int i = 1; i <= DEPLOYMENTS; i++) {
                String service = "redeploy-" + i;
                MixedLoad load = new MixedLoad("redeploy", 3, (index, request) -> { });
                try (WebArchiveDeployment app = WebArchiveDeployment.deploy(Deployments.app("redeploy",
                        Deployments.traced(service, "routes,otlp"), MixedLoad.EXCLUDED,
                        "otel.exporter.otlp.endpoint=" + sink.endpoint(),
                        "otel.metrics.exporter=otlp", "otel.metric.export.interval=200",
                        "otel.logs.exporter=otlp", "otel.instrumentation.runtime-telemetry.enabled=true"))) {
                    loaders.add(new WeakReference<>(app.classLoader()));
                    load.send(app.applicationUri(), 0, REQUESTS);
                    assertEquals(List.of(), load.failures(), "deployment " + i);
                }
                if (i == WARM_UP) {
                    before = JvmFootprint.now();
                }
            }
            exports = sink.exports();
        }
        JvmFootprint after = settledFootprint(before);
        int alive = 0;
        for (WeakReference<ClassLoader> loader : loaders) {
            alive += loader.get() == null ? 0 : 1;
        }
        Map<String, Long> serverSpansPerExporter = new TreeMap<>();
        TestExporters.ROUTED.forEach((service, count) -> serverSpansPerExporter.put(service, count.get()));
        long misrouted = TestExporters.MISROUTED.get();
        Set<String> newThreads = after.newThreadsSince(before);
        Figures.print("redeploy", String.format("%d deployments x %d requests in %.0f s (spans to its own exporter + OTLP, "
                        + "metrics and logs over OTLP, runtime metrics); after deployment %d -> after %d: threads %d -> %d %s, "
                        + "JUL handlers %d -> %d, shutdown hooks %d -> %d, heap after full GC %s -> %s; class loaders not "
                        + "collected: %d of %d; OTLP exports received %s; SERVER spans per exporter %s; spans in another "
                        + "deployment's exporter: %d",
                DEPLOYMENTS, REQUESTS, (System.nanoTime() - started) / 1e9, WARM_UP, DEPLOYMENTS, before.threads().size(),
                after.threads().size(), newThreads, before.julHandlers(), after.julHandlers(), before.shutdownHooks(),
                after.shutdownHooks(), Heap.mb(before.heapBytes()), Heap.mb(after.heapBytes()), alive, DEPLOYMENTS, exports,
                serverSpansPerExporter.values().stream().distinct().toList(), misrouted));

        assertEquals(Set.of(), newThreads, "threads left behind");
        assertEquals(before.julHandlers(), after.julHandlers(), "JUL handlers left behind");
        assertEquals(before.shutdownHooks(), after.shutdownHooks(), "shutdown hooks left behind");
        assertTrue(after.heapBytes() - before.heapBytes() < HEAP_MARGIN, "heap grew by " + Heap.mb(after.heapBytes() - before.heapBytes()));
        assertEquals(0, alive, "class loaders of undeployed applications still reachable");
        assertEquals(0, misrouted, "spans exported by another deployment's SDK");
        assertEquals(DEPLOYMENTS, serverSpansPerExporter.size());
        long traced = MixedLoad.traced(0, REQUESTS);
        serverSpansPerExporter.forEach((service, spans) -> assertEquals(traced, spans, service));
        assertTrue(exports.getOrDefault("/v1/traces", 0L) >= DEPLOYMENTS, "spans went over OTLP too: " + exports);
        assertTrue(exports.getOrDefault("/v1/logs", 0L) + exports.getOrDefault("/v1/metrics", 0L) > 0, "metrics or logs too: " + exports);
    }

    /** Threads of a stopped application may take a moment to finish; give them 5 s. */
    private static JvmFootprint settledFootprint(JvmFootprint before) {
        JvmFootprint now = JvmFootprint.now();
        for (int i = 0; i < 10 && !now.newThreadsSince(before).isEmpty(); i++) {
            Pause.millis(500);
            now = JvmFootprint.now();
        }
        return now;
    }
}
