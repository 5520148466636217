package io.github.otelcdi.testing.internal;

import io.github.otelcdi.testing.RecordedTelemetry;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link RecordedTelemetry} of each application, by its class loader, which the SDK's exporter
 * providers see as the thread's context loader while the application's SDK is built. Weakly keyed:
 * an undeployed application's loader is not kept. An application's SDK built after the previous one
 * shut down starts a fresh store, so a redeployed application (or the next test class deploying one)
 * never sees what an earlier one recorded.
 */
public final class ApplicationStores {

    private static final Map<ClassLoader, Entry> STORES = new WeakHashMap<>();

    private static final class Entry {
        final RecordedTelemetry telemetry;
        int openExporters;
        boolean shutDown;

        Entry(RecordedTelemetry telemetry) {
            this.telemetry = telemetry;
        }
    }

    private ApplicationStores() {
    }

    /**
     * @param loader the application's class loader
     * @return its store; an empty one of no application's while its SDK has not started
     */
    public static synchronized RecordedTelemetry of(ClassLoader loader) {
        for (ClassLoader candidate = key(loader); candidate != null; candidate = candidate.getParent()) {
            Entry entry = STORES.get(candidate);
            if (entry != null) {
                return entry.telemetry;
            }
        }
        // The kit inside the application (WEB-INF/lib): its registry holds that one application,
        // whose SDK a server may have built with another of the deployment's loaders as context.
        List<Entry> live = STORES.values().stream().filter(entry -> !entry.shutDown).toList();
        if (live.size() == 1) {
            return live.get(0).telemetry;
        }
        if (STORES.size() == 1) {
            return STORES.values().iterator().next().telemetry;
        }
        // Nothing recorded yet: an empty store that no one writes to; asked again, the application's
        // own is found once its SDK has started.
        return RecordedTelemetry.create();
    }

    /**
     * An exporter of the application's SDK is created.
     *
     * @param loader the application's class loader
     * @return the store it writes to
     */
    public static synchronized RecordedTelemetry opened(ClassLoader loader) {
        Entry entry = STORES.get(key(loader));
        if (entry == null || entry.shutDown) {
            entry = new Entry(RecordedTelemetry.create());
            STORES.put(key(loader), entry);
        }
        entry.openExporters++;
        return entry.telemetry;
    }

    /**
     * An exporter of the application's SDK shut down; once all have, the next SDK starts a new store.
     *
     * @param telemetry the store it wrote to
     */
    public static synchronized void closed(RecordedTelemetry telemetry) {
        for (Entry entry : STORES.values()) {
            if (entry.telemetry == telemetry && --entry.openExporters <= 0) {
                entry.shutDown = true;
            }
        }
    }

    private static ClassLoader key(ClassLoader loader) {
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
