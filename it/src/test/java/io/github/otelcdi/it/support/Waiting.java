package io.github.otelcdi.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for something another thread (an exporter, a backend) makes true. */
public final class Waiting {

    private Waiting() {
    }

    /** Polls every 50 ms; fails with {@code what} after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            sleep(50);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
