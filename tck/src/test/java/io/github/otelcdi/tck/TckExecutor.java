package io.github.otelcdi.tck;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The TCK's porting executor ({@code telemetry.tck.executor}): the "managed executor" of this
 * container, running tasks with the class loader of the application that submitted them.
 */
public class TckExecutor implements Executor {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tck-executor");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void execute(Runnable task) {
        ClassLoader submitter = Thread.currentThread().getContextClassLoader();
        THREADS.execute(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(submitter);
            try {
                task.run();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }
}
