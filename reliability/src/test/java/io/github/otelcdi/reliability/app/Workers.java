package io.github.otelcdi.reliability.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's own threads for async resources, stopped with the application, so that a
 * redeploy leaves none behind (what the suite measures is otel-cdi, not the app).
 */
@ApplicationScoped
public class Workers {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "reliability-worker-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public void execute(Runnable task) {
        executor.execute(task);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
