package io.github.otelcdi.bench.runner;

/** One variant's figures in one round. */
record Sample(Variant variant, long requests, long failed, double perSecond, double p50Millis, double p99Millis,
        double cpuMicrosPerRequest, double bytesPerRequest, long spans) {

    static Sample of(Variant variant, Load.Result load, ServerProcess.Counters before, ServerProcess.Counters after) {
        long requests = Math.max(1, load.requests());
        return new Sample(variant, load.requests(), load.failed(), load.perSecond(), load.p50Millis(), load.p99Millis(),
                (after.cpuNanos() - before.cpuNanos()) / 1000.0 / requests,
                (after.allocatedBytes() - before.allocatedBytes()) / (double) requests,
                after.spans() - before.spans());
    }
}
