package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.spi.BeanManager;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What every embedded runtime does with a web archive, as a server would: the archive on disk, its
 * own class loader (archive first) and CDI container, its MicroProfile Config released at the end;
 * the runtime itself (JAX-RS implementation and HTTP server) is the subclass's.
 */
abstract class ArchiveDeployment implements EmbeddedDeployment {

    static final String HOST = "127.0.0.1";
    static final int BIND_ATTEMPTS = 5;
    /** Servers accept large headers (WildFly 1 MB); a 100 KB baggage header must reach the application. */
    static final int MAX_HEADER_BYTES = 1024 * 1024;
    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    final ExplodedWebArchive exploded;
    final ArchiveClassLoader loader;
    DeploymentCdi cdi;

    /** Makes the runtime's deployment of one archive. */
    interface Runtime<D extends ArchiveDeployment> {
        D create(ExplodedWebArchive exploded, ArchiveClassLoader loader);
    }

    ArchiveDeployment(ExplodedWebArchive exploded, ArchiveClassLoader loader) {
        this.exploded = exploded;
        this.loader = loader;
    }

    /**
     * @param archive the application
     * @param runtime the runtime's name, part of the class loader's and CDI container's
     * @param deployment makes the runtime's deployment
     * @return the deployment, serving
     * @throws DeploymentFailure when the archive cannot be deployed (CDI definition errors, bad settings, ...)
     */
    static <D extends ArchiveDeployment> D deploy(WebArchive archive, String runtime, Runtime<D> deployment) {
        ExplodedWebArchive exploded;
        try {
            exploded = ExplodedWebArchive.export(archive);
        } catch (IOException e) {
            throw new DeploymentFailure("cannot write " + archive.getName() + " to disk", e);
        }
        String id = "otel-cdi-" + runtime + "-" + DEPLOYMENTS.incrementAndGet() + "-" + exploded.contextRoot();
        D deployed = deployment.create(exploded, new ArchiveClassLoader(id, exploded.classPath(), ArchiveDeployment.class.getClassLoader()));
        try {
            deployed.startWithArchiveLoader(id);
            return deployed;
        } catch (Exception | LinkageError e) {
            deployed.close();
            throw new DeploymentFailure("deployment of " + archive.getName() + " failed: " + e.getMessage(), e);
        }
    }

    final void startWithArchiveLoader(String id) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            start(id, exploded.classes(loader));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Starts CDI ({@link #cdi}) and the runtime; the archive's loader is the thread's.
     *
     * @param id the deployment's name
     * @param classes the archive's classes
     * @throws Exception when the runtime cannot start
     */
    abstract void start(String id, List<Class<?>> classes) throws Exception;

    /** Stops serving, before CDI stops; also for a runtime that never fully started. */
    abstract void stopServing();

    @Override
    public final ClassLoader classLoader() {
        return loader;
    }

    /** @return the archive's bean manager; null where the runtime runs the archive without CDI */
    @Override
    public final BeanManager beanManager() {
        return cdi == null ? null : cdi.beanManager();
    }

    /** @return the path with a slash appended, or empty for the root context */
    static String slashedRoot(String path) {
        return path.isEmpty() ? "" : path + "/";
    }

    @Override
    public final void close() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            stopServing();
            if (cdi != null) {
                cdi.stop();
                cdi = null;
            }
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            Config config = resolver.getConfig(loader);
            resolver.releaseConfig(config);
        } finally {
            thread.setContextClassLoader(previous);
            try {
                loader.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
            exploded.delete();
        }
    }
}
