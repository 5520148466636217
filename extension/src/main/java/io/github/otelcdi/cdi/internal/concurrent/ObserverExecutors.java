package io.github.otelcdi.cdi.internal.concurrent;

import jakarta.enterprise.inject.spi.BeanManager;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.weld.manager.api.ExecutorServices;
import org.jboss.weld.manager.api.WeldManager;

/**
 * Finds the executor the container runs asynchronous observers on when the application names
 * none, so that carrying the trace context there changes nothing else: Weld's own (Weld SE, WildFly,
 * Payara), else the platform's default managed executor (a server that keeps Weld's SPI from
 * applications, such as Open Liberty), else, on OpenWebBeans, the common fork-join pool (which is
 * what it uses).
 */
final class ObserverExecutors {

    private static final String DEFAULT_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    private static final String OPENWEBBEANS_PACKAGE = "org.apache.webbeans.";

    private ObserverExecutors() {
    }

    /**
     * @param beanManager the application's bean manager
     * @return the executor, or null where it is not known (the events are then fired as they are)
     */
    static Executor containerDefault(BeanManager beanManager) {
        Executor weld = weld(beanManager);
        if (weld != null) {
            return weld;
        }
        Executor managed = defaultManagedExecutor();
        if (managed != null) {
            return managed;
        }
        return beanManager.getClass().getName().startsWith(OPENWEBBEANS_PACKAGE) ? ForkJoinPool.commonPool() : null;
    }

    private static Executor weld(BeanManager beanManager) {
        try {
            if (beanManager instanceof WeldManager manager) {
                ExecutorServices services = manager.getServices().get(ExecutorServices.class);
                return services != null ? services.getTaskExecutor() : null;
            }
        } catch (LinkageError | RuntimeException hidden) {
            // The server keeps Weld's SPI from applications.
        }
        return null;
    }

    private static Executor defaultManagedExecutor() {
        try {
            return InitialContext.doLookup(DEFAULT_MANAGED_EXECUTOR);
        } catch (NamingException | RuntimeException | LinkageError absent) {
            return null;
        }
    }
}
