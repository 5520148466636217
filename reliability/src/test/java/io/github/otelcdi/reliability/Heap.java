package io.github.otelcdi.reliability;

import java.lang.management.ManagementFactory;

/** Heap in use after full collections: the level a leak would raise. */
final class Heap {

    private Heap() {
    }

    /** @return bytes in use after collecting until the figure stops falling */
    static long settledBytes() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Pause.millis(100);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
