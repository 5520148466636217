package io.github.otelcdi.it.container;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.glassfish.jersey.weld.se.WeldRequestScope;

/**
 * One web archive deployed on Weld SE + Jersey (Grizzly), the way an application server would:
 * its own class loader (archive first), its own CDI container (the archive's classes as beans, its
 * {@code META-INF/services} extensions honoured), its own MicroProfile Config (its
 * {@code microprofile-config.properties}), and Jersey serving it on a free 127.0.0.1 port under
 * the archive's context root. {@link #close()} undoes all of it.
 */
public final class WebArchiveDeployment extends ArchiveDeployment {

    private final boolean withCdi;
    private HttpServer server;
    private URI contextUri;
    private URI applicationUri;
    private ApplicationWithoutCdi withoutCdi;

    private WebArchiveDeployment(ExplodedWebArchive exploded, ArchiveClassLoader loader, boolean withCdi) {
        super(exploded, loader);
        this.withCdi = withCdi;
    }

    /**
     * Deploys the archive and starts serving it.
     *
     * @param archive the application
     * @return the running deployment
     * @throws DeploymentFailure when the archive cannot be deployed (CDI definition errors, bad settings, ...)
     */
    public static WebArchiveDeployment deploy(WebArchive archive) {
        return deploy(archive, "it", (exploded, loader) -> new WebArchiveDeployment(exploded, loader, true));
    }

    /**
     * Deploys the archive on Jersey and Grizzly alone, no CDI container: its resources are Jersey's
     * (HK2) and otel-cdi is set up as {@link ApplicationWithoutCdi} says.
     *
     * @param archive the application, whose classes use no CDI
     * @return the running deployment
     */
    public static WebArchiveDeployment deployWithoutCdi(WebArchive archive) {
        return deploy(archive, "plain", (exploded, loader) -> new WebArchiveDeployment(exploded, loader, false));
    }

    @Override
    void start(String id, List<Class<?>> classes) throws IOException {
        if (withCdi) {
            // Jersey's bridge to Weld's request context is a bean; without discovery it must be added,
            // as a server's Weld integration would, so @RequestScoped beans work during a request.
            cdi = WeldBoot.start(id, loader, classes, WeldRequestScope.class);
        } else {
            withoutCdi = ApplicationWithoutCdi.setUp(loader);
        }
        startJersey(classes);
    }

    private void startJersey(List<Class<?>> classes) throws IOException {
        Class<? extends Application> applicationClass = ExplodedWebArchive.applicationClass(classes);
        String applicationPath = applicationClass == null ? "" : applicationClass.getAnnotation(ApplicationPath.class).value();
        Application application = applicationClass == null ? new Application() : instantiate(applicationClass);
        ResourceConfig config;
        if (application.getClasses().isEmpty() && application.getSingletons().isEmpty()) {
            // Like a servlet container with an empty Application: serve what the archive holds.
            config = new ResourceConfig().addProperties(application.getProperties());
            config.registerClasses(ExplodedWebArchive.jaxRsComponents(classes).toArray(Class<?>[]::new));
        } else {
            config = ResourceConfig.forApplication(application);
        }
        if (withoutCdi != null) {
            withoutCdi.register(config);
        }
        IOException lastFailure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS && server == null; attempt++) {
            int port = FreePorts.next();
            contextUri = URI.create("http://" + HOST + ":" + port + "/" + slashed(exploded.contextRoot()));
            applicationUri = contextUri.resolve(slashed(trim(applicationPath)));
            HttpServer candidate = GrizzlyHttpServerFactory.createHttpServer(applicationUri, config, false);
            for (NetworkListener listener : candidate.getListeners()) {
                // Request threads see the application's class loader, as in an application server.
                listener.getTransport().getWorkerThreadPoolConfig().setInitialClassLoader(loader);
                if (VirtualThreads.requested()) {
                    listener.getTransport().setWorkerThreadPool(VirtualThreads.perTask(loader));
                }
                // Grizzly's 8 KB default would turn away a 100 KB baggage header.
                listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
            }
            try {
                candidate.start();
                server = candidate;
            } catch (BindException e) {
                candidate.shutdownNow();
                lastFailure = e;
            }
        }
        if (server == null) {
            throw lastFailure;
        }
    }

    private static Application instantiate(Class<? extends Application> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the JAX-RS application " + type.getName(), e);
        }
    }

    @Override
    public URI contextUri() {
        return contextUri;
    }

    /** @return the URI of the JAX-RS application: context root plus {@code @ApplicationPath}, ending in a slash */
    public URI applicationUri() {
        return applicationUri;
    }

    @Override
    void stopServing() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        if (withoutCdi != null) {
            withoutCdi.close();
            withoutCdi = null;
        }
    }

    private static String trim(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String slashed(String path) {
        String trimmed = trim(path);
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }
}
