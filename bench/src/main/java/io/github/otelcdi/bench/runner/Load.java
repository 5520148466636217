package io.github.otelcdi.bench.runner;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Drives requests at one URL for a while and says what the client saw. */
interface Load {

    /** What one load run measured from the client side. */
    record Result(long requests, long failed, double perSecond, double p50Millis, double p99Millis) {
    }

    Result run(URI uri, Duration duration) throws IOException, InterruptedException;

    String describe();

    /** wrk when it is installed, else the JDK's HTTP client (good enough for the smoke run). */
    static Load best(int connections) {
        return WrkLoad.available() ? new WrkLoad(connections) : new JavaLoad(connections);
    }
}
