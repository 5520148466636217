package io.github.otelcdi.it.container;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Requests served on virtual threads, one per request, when the lane asks for it (system property
 * {@value #PROPERTY}, set by the Java 25 lanes). The project compiles for Java 17, where the API
 * does not exist, so it is looked up once per deployment; asked for on a JDK without it, the
 * deployment fails rather than quietly serving on platform threads.
 */
public final class VirtualThreads {

    /** The system property that turns virtual request threads on. */
    public static final String PROPERTY = "otel-cdi.virtual-threads";

    private VirtualThreads() {
    }

    /** @return whether this JVM's lane serves requests on virtual threads */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * @param loader the application's class loader, which request threads see as their context loader
     * @return an executor that runs each task on a new virtual thread
     */
    public static ExecutorService perTask(ClassLoader loader) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Class<?> virtualBuilderType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            Object builder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(virtualBuilderType)).invoke();
            builder = lookup.findVirtual(virtualBuilderType, "name", MethodType.methodType(virtualBuilderType, String.class, long.class))
                    .invoke(builder, "request-vt-", 0L);
            ThreadFactory virtual = (ThreadFactory) lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class))
                    .invoke(builder);
            ThreadFactory withLoader = task -> {
                Thread thread = virtual.newThread(task);
                thread.setContextClassLoader(loader);
                return thread;
            };
            MethodHandle perTask = lookup.findStatic(java.util.concurrent.Executors.class, "newThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class, ThreadFactory.class));
            return (ExecutorService) perTask.invoke(withLoader);
        } catch (Throwable e) {
            throw new IllegalStateException(PROPERTY + "=true needs Java 21 or later; this is Java "
                    + Runtime.version().feature(), e);
        }
    }
}
