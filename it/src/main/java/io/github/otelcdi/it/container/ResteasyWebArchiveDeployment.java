package io.github.otelcdi.it.container;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.weld.bean.builtin.BeanManagerProxy;
import org.jboss.weld.manager.BeanManagerImpl;
import org.jboss.weld.module.web.servlet.WeldInitialListener;
import org.jboss.weld.module.web.servlet.WeldTerminalListener;
import org.xnio.Options;

/**
 * One web archive deployed on Weld SE + RESTEasy, on Undertow's servlet container, the way WildFly
 * serves it: its own class loader, CDI container (Weld's servlet listeners keeping the request
 * context for each request, also across async dispatches), MicroProfile Config, the
 * {@code ServletContainerInitializer}s of the archive and the "server" (otel-cdi's, where it has
 * one), and RESTEasy's servlet registered as WildFly's JAX-RS subsystem registers it: for the
 * {@code Application}'s path, with the resources and providers the archive holds (a resource whose
 * {@code @Path} is on its interface included), on a free 127.0.0.1 port.
 */
public final class ResteasyWebArchiveDeployment extends ArchiveDeployment {

    private static final String CDI_INJECTOR = "org.jboss.resteasy.cdi.CdiInjectorFactory";

    private DeploymentManager servlets;
    private Undertow server;
    private URI contextUri;

    private ResteasyWebArchiveDeployment(ExplodedWebArchive exploded, ArchiveClassLoader loader) {
        super(exploded, loader);
    }

    /**
     * Deploys the archive and starts serving it.
     *
     * @param archive the application
     * @return the running deployment
     * @throws DeploymentFailure when the archive cannot be deployed (CDI definition errors, bad settings, ...)
     */
    public static ResteasyWebArchiveDeployment deploy(WebArchive archive) {
        return deploy(archive, "resteasy", ResteasyWebArchiveDeployment::new);
    }

    @Override
    void start(String id, List<Class<?>> classes) throws IOException, ServletException {
        cdi = WeldBoot.start(id, loader, classes);
        BeanManagerImpl beans = BeanManagerProxy.unwrap(cdi.beanManager());
        String contextPath = "/" + exploded.contextRoot();
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(loader)
                .setContextPath(contextPath)
                .setDeploymentName(id)
                .setResourceManager(new PathResourceManager(exploded.root()))
                .addInitParameter("resteasy.injector.factory", CDI_INJECTOR)
                .addListener(weldListener(WeldInitialListener.class, new WeldInitialListener(beans)))
                .addListener(weldListener(WeldTerminalListener.class, new WeldTerminalListener(beans)));
        registerResteasy(info, classes);
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class, loader)) {
            info.addServletContainerInitializer(new ServletContainerInitializerInfo(initializer.getClass(),
                    new ImmediateInstanceFactory<>(initializer), HandledTypes.of(initializer.getClass(), classes)));
        }
        servlets = Servlets.newContainer().addDeployment(info);
        servlets.deploy();
        PathHandler paths = Handlers.path().addPrefixPath(contextPath, servlets.start());
        listen(paths);
    }

    private static void registerResteasy(DeploymentInfo info, List<Class<?>> classes) {
        Class<? extends Application> application = ExplodedWebArchive.applicationClass(classes);
        if (application == null) {
            // A web application without JAX-RS (as some TCK applications are): CDI and servlets only.
            return;
        }
        String path = "/" + application.getAnnotation(ApplicationPath.class).value().replaceAll("^/+|/+$", "");
        List<Class<?>> components = ExplodedWebArchive.jaxRsComponents(classes);
        String resources = names(components.stream().filter(type -> !type.isAnnotationPresent(Provider.class)));
        String providers = names(components.stream().filter(type -> type.isAnnotationPresent(Provider.class)));
        ServletInfo servlet = Servlets.servlet(application.getName(), HttpServlet30Dispatcher.class)
                .addInitParam(Application.class.getName(), application.getName())
                .addInitParam("resteasy.servlet.mapping.prefix", path.equals("/") ? "" : path)
                .addMapping(path.equals("/") ? "/*" : path + "/*")
                .setAsyncSupported(true)
                .setLoadOnStartup(1);
        if (!resources.isEmpty()) {
            servlet.addInitParam("resteasy.scanned.resources", resources);
        }
        if (!providers.isEmpty()) {
            servlet.addInitParam("resteasy.scanned.providers", providers);
        }
        info.addServlet(servlet);
    }

    private static String names(Stream<Class<?>> types) {
        return types.map(Class::getName).collect(Collectors.joining(","));
    }

    private static <T extends java.util.EventListener> ListenerInfo weldListener(Class<T> type, T listener) {
        return new ListenerInfo(type, new ImmediateInstanceFactory<>(listener));
    }

    private void listen(PathHandler paths) throws IOException {
        RuntimeException lastFailure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS && server == null; attempt++) {
            int port = FreePorts.next();
            Undertow candidate = Undertow.builder()
                    .addHttpListener(port, HOST)
                    .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                    .setSocketOption(Options.REUSE_ADDRESSES, true)
                    .setHandler(paths)
                    .build();
            try {
                candidate.start();
                server = candidate;
                contextUri = URI.create("http://" + HOST + ":" + port + "/" + slashedRoot(exploded.contextRoot()));
            } catch (RuntimeException e) {
                // Undertow reports a port taken in between as a RuntimeException around the BindException.
                lastFailure = e;
            }
        }
        if (server == null) {
            throw lastFailure;
        }
    }

    @Override
    public URI contextUri() {
        return contextUri;
    }

    @Override
    void stopServing() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (servlets != null) {
            try {
                servlets.stop();
            } catch (ServletException e) {
                // Stopping what could not start: nothing more to release.
            }
            servlets.undeploy();
            servlets = null;
        }
    }
}
