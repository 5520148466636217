package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps one configured span exporter: counts the spans handed to it, turns an exception it throws
 * into a failed export, and reports failed exports through a {@link LossReport} instead of letting
 * every failed batch speak for itself.
 */
final class AccountedSpanExporter implements SpanExporter {

    private final SpanExporter delegate;
    private final LossReport losses;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicBoolean lossesReported = new AtomicBoolean();
    private volatile boolean batched = true;

    AccountedSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
        this.losses = new LossReport("span export through " + name(ApplicationLoaderExporters.unwrap(delegate).getClass()));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        int count = spans.size();
        received.addAndGet(count);
        CompletableResultCode result;
        try {
            result = delegate.export(spans);
        } catch (RuntimeException | LinkageError e) {
            losses.lost(count, e.toString());
            return CompletableResultCode.ofExceptionalFailure(e);
        }
        unanswered.addAndGet(count);
        result.whenComplete(() -> {
            unanswered.addAndGet(-count);
            if (result.isSuccess()) {
                losses.working();
            } else {
                Throwable failure = result.getFailureThrowable();
                losses.lost(count, failure == null ? "the exporter reported a failure" : failure.toString());
            }
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        try {
            return delegate.flush();
        } catch (RuntimeException e) {
            return CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    @Override
    public CompletableResultCode shutdown() {
        CompletableResultCode result;
        try {
            result = delegate.shutdown();
        } catch (RuntimeException e) {
            result = CompletableResultCode.ofExceptionalFailure(e);
        }
        result.whenComplete(this::reportLosses);
        return result;
    }

    /**
     * Says, once, what this exporter lost: when its shutdown completes, or when the application
     * stops without that happening. An exporter that hangs keeps its batches forever: they count as lost too.
     */
    void reportLosses() {
        if (lossesReported.compareAndSet(false, true)) {
            losses.close(unanswered.get());
        }
    }

    /** @return spans handed to this exporter so far, exported or not */
    long received() {
        return received.get();
    }

    /** Marks an exporter that sits behind a simple (unbatched) processor, so it has no queue. */
    void unbatched() {
        batched = false;
    }

    boolean batched() {
        return batched;
    }

    /** @return the exporter's simple class name; the full one for an anonymous or local class, which has none */
    private static String name(Class<?> type) {
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
