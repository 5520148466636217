package io.github.otelcdi.it.apps.work;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Runs a task on a MicroProfile Context Propagation executor (two threads, every context type
 * propagated, the default). Not a bean, and named by no bean: on runtimes without the API the
 * application still deploys.
 */
final class MicroProfileTasks {

    private MicroProfileTasks() {
    }

    /**
     * @param task the task
     * @return what it returned
     * @throws IllegalStateException where the runtime offers no MicroProfile Context Propagation
     */
    static String run(Supplier<String> task) throws Exception {
        ManagedExecutor executor = ManagedExecutor.builder().maxAsync(2).build();
        try {
            return executor.supplyAsync(task).get(20, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }
}
