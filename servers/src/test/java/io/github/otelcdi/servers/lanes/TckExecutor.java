package io.github.otelcdi.servers.lanes;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The TCKs' porting executor ({@code telemetry.tck.executor}) inside a server: the server's default
 * managed executor where it has one (Jakarta Concurrency), else threads that run each task with
 * the class loader of the application that submitted it.
 */
public class TckExecutor implements Executor {

    private static final String DEFAULT_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tck-executor");
        thread.setDaemon(true);
        return thread;
    });

    private final Executor managed = lookup();

    private static Executor lookup() {
        try {
            return (Executor) new InitialContext().lookup(DEFAULT_MANAGED_EXECUTOR);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void execute(Runnable task) {
        if (managed != null) {
            managed.execute(task);
            return;
        }
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
