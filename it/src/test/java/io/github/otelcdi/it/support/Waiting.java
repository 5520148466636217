package io.github.otelcdi.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for something another thread (an exporter, a backend) makes true. */
final class Waiting {

    private Waiting() {
    }

    /** Polls every 50 ms; fails with {@code what} after {@code timeout}. */
    static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
