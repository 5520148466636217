package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sits in front of the SDK's batch span processor and drops a span itself when as many spans as the
 * batch queue holds are still waiting for the exporter. The batch processor would drop it too, but
 * silently; here each drop is counted and reported through a {@link LossReport}, and the batch
 * queue never overflows, so memory stays bounded whatever the backend does.
 */
final class BoundedSpanProcessor implements SpanProcessor {

    private final SpanProcessor batch;
    private final LongSupplier handedToExporter;
    private final long capacity;
    private final LossReport losses;
    private final AtomicLong queued = new AtomicLong();

    /**
     * @param batch the batch span processor
     * @param handedToExporter spans the batch processor has taken off its queue and given to its exporter
     * @param capacity the batch queue's size ({@code otel.bsp.max.queue.size})
     */
    BoundedSpanProcessor(SpanProcessor batch, LongSupplier handedToExporter, int capacity) {
        this.batch = batch;
        this.handedToExporter = handedToExporter;
        this.capacity = capacity;
        this.losses = new LossReport("the span export queue (otel.bsp.max.queue.size=" + capacity + ")");
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        batch.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
        return batch.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (!span.getSpanContext().isSampled()) {
            return; // the batch processor ignores these as well
        }
        long waiting = queued.get() - handedToExporter.getAsLong();
        if (waiting >= capacity) {
            losses.lost(1, "full: the exporter does not keep up");
            return;
        }
        if (waiting < capacity / 2) {
            losses.working();
        }
        queued.incrementAndGet();
        batch.onEnd(span);
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return batch.forceFlush();
    }

    @Override
    public CompletableResultCode shutdown() {
        CompletableResultCode result = batch.shutdown();
        result.whenComplete(losses::close);
        return result;
    }

    @Override
    public String toString() {
        return "BoundedSpanProcessor{" + batch + "}";
    }
}
