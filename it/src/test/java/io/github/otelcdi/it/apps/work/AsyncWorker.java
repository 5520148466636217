package io.github.otelcdi.it.apps.work;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Methods that finish on another thread: Jakarta Concurrency's {@code @Asynchronous}, and {@code @WithSpan} stages. */
@ApplicationScoped
public class AsyncWorker {

    @Inject
    Tracer tracer;

    /** @return what a task on the application's two-thread executor saw */
    @Asynchronous(executor = WorkResource.TWO_THREADS)
    public CompletableFuture<String> onTwoThreads() {
        return Asynchronous.Result.complete(TaskProbe.run(tracer, "asynchronous-task"));
    }

    /** Fails on the two-thread executor: its span is in the request's trace and records the failure. */
    @WithSpan
    @Asynchronous(executor = WorkResource.TWO_THREADS)
    public CompletableFuture<String> failAsynchronously() {
        throw new IllegalStateException("asynchronous work failed");
    }

    /**
     * @param delayMillis how long until the stage fails
     * @return a stage that fails later, on another thread
     */
    @WithSpan
    public CompletionStage<String> failLater(long delayMillis) {
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS)
                .execute(() -> result.completeExceptionally(new IllegalStateException("stage failed")));
        return result;
    }
}
