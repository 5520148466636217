package io.github.otelcdi.cdi.internal.export;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the idle threads of OkHttp (the OTLP exporters' HTTP client) when the SDK of an application
 * that brought its own OkHttp has shut down. OkHttp keeps its task threads for 60 s after their
 * last task, in a pool shared by every client of its classes; on a server, where OkHttp comes with
 * the application (the bundle in {@code WEB-INF/lib}), those threads would keep the undeployed
 * application loaded for that minute, and a redeploy every few seconds piles them up.
 *
 * <p>Only the keep-alive is cut: anything of the application still using OkHttp gets new threads.
 * Where OkHttp is on the JVM's own class path (shared by every application), it is left alone.
 * Okio's watchdog thread, which OkHttp's timeouts start, cannot be shortened: it ends a minute
 * after the last call. Since OTLP over http/protobuf uses the JDK's client, this concerns gRPC.
 */
public final class OkHttpIdleThreads {

    private static final Logger LOG = Logger.getLogger(OkHttpIdleThreads.class.getName());
    private static final String TASK_RUNNER = "okhttp3.internal.concurrent.TaskRunner";

    private OkHttpIdleThreads() {
    }

    /** @param application the class loader of the application whose SDK has shut down */
    public static void end(ClassLoader application) {
        try {
            Class<?> runner = Class.forName(TASK_RUNNER, false, application);
            if (!ownedByApplication(runner.getClassLoader())) {
                return;
            }
            Object instance = runner.getField("INSTANCE").get(null);
            Object backend = runner.getMethod("getBackend").invoke(instance);
            if (backend.getClass().getMethod("getExecutor").invoke(backend) instanceof ThreadPoolExecutor executor) {
                executor.setKeepAliveTime(1, TimeUnit.MILLISECONDS);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // No OkHttp, or another one: its threads end on their own, a minute later.
            LOG.log(Level.FINE, "otel-cdi: OkHttp's idle threads are left to end on their own", e);
        }
    }

    /** @return whether the loader is one of the application (or the server), not the JVM's class path */
    private static boolean ownedByApplication(ClassLoader loader) {
        for (ClassLoader jvm = ClassLoader.getSystemClassLoader(); jvm != null; jvm = jvm.getParent()) {
            if (loader == jvm) {
                return false;
            }
        }
        return loader != null;
    }
}
