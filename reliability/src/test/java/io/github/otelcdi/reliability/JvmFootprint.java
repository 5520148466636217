package io.github.otelcdi.reliability;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** What a deployment could leave behind in the JVM: threads, JUL handlers, shutdown hooks, heap. */
record JvmFootprint(Set<String> threads, int julHandlers, int shutdownHooks, long heapBytes) {

    static JvmFootprint now() {
        Set<String> threads = new TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> threads.add(thread.getName() + "#" + thread.getId()));
        return new JvmFootprint(threads, countJulHandlers(), countShutdownHooks(), Heap.settledBytes());
    }

    private static int countJulHandlers() {
        int handlers = 0;
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            handlers += logger == null ? 0 : logger.getHandlers().length;
        }
        return handlers;
    }

    /** The JVM's registered shutdown hooks ({@code Runtime.addShutdownHook}); needs java.lang opened to the tests. */
    private static int countShutdownHooks() {
        try {
            Field hooks = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            hooks.setAccessible(true);
            synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
                return ((Map<?, ?>) hooks.get(null)).size();
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot count shutdown hooks", e);
        }
    }

    /** @return threads alive now that were not in {@code before} */
    Set<String> newThreadsSince(JvmFootprint before) {
        Set<String> added = new TreeSet<>(threads);
        added.removeAll(before.threads);
        return added;
    }
}
