package io.github.otelcdi.it.container;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.cxf.Bus;
import org.apache.cxf.cdi.CXFCdiServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One web archive deployed on OpenWebBeans SE + Apache CXF, on Jetty's servlet container, the way
 * TomEE serves it: its own class loader and CDI container (through the CDI SE API), CXF's CDI
 * integration building the JAX-RS server of the archive's {@code Application} (or of its resources)
 * on the container's bus, CXF's CDI servlet serving it under the context root, the CDI request
 * context active for each dispatch, on a free 127.0.0.1 port. Nothing of otel-cdi is wired by hand:
 * it comes in through its CDI extensions and its CXF bus extension.
 */
public final class CxfWebArchiveDeployment extends ArchiveDeployment {

    /** CXF's bus property ({@code HttpUtils}) that turns 127.0.0.1 into localhost in base URIs. */
    private static final String REPLACE_LOOPBACK = "replace.loopback.address.with.localhost";

    /** The name of the bus bean of CXF's CDI integration ({@code CdiBusBean.CXF}, not public). */
    private static final String CXF_BUS = "cxf";

    private Server server;
    private URI contextUri;

    private CxfWebArchiveDeployment(ExplodedWebArchive exploded, ArchiveClassLoader loader) {
        super(exploded, loader);
    }

    /**
     * Deploys the archive and starts serving it.
     *
     * @param archive the application
     * @return the running deployment
     * @throws DeploymentFailure when the archive cannot be deployed (CDI definition errors, bad settings, ...)
     */
    public static CxfWebArchiveDeployment deploy(WebArchive archive) {
        return deploy(archive, "owb-cxf", CxfWebArchiveDeployment::new);
    }

    @Override
    void start(String id, List<Class<?>> classes) throws Exception {
        cdi = SeCdiBoot.start(loader, classes, new CxfResourceSelection(ExplodedWebArchive.applicationClass(classes)));
        keepLoopbackAddress(cdi.beanManager());
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/" + exploded.contextRoot());
        context.setDisplayName(id);
        // Request threads see the application's class loader, so CDI.current() finds its container.
        context.setClassLoader(loader);
        context.setBaseResourceAsPath(exploded.root());
        context.addFilter(new FilterHolder(new RequestScopeFilter(cdi.beanManager())), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        ServletHolder cxf = new ServletHolder(id, new CXFCdiServlet());
        cxf.setAsyncSupported(true);
        cxf.setInitOrder(1);
        context.addServlet(cxf, "/*");
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class, loader)) {
            context.addServletContainerInitializer(initializer, HandledTypes.of(initializer.getClass(), classes).toArray(Class<?>[]::new));
        }
        listen(context);
    }

    /**
     * CXF tells applications {@code localhost} where the request named {@code 127.0.0.1} (in
     * {@code UriInfo.getBaseUri()}); this "server" serves on 127.0.0.1 and its tests call what the
     * application was called with, so it keeps the address, as an operator can.
     */
    private static void keepLoopbackAddress(BeanManager beans) {
        Bean<?> bean = beans.resolve(beans.getBeans(CXF_BUS));
        Bus bus = (Bus) beans.getReference(bean, Bus.class, beans.createCreationalContext(bean));
        bus.setProperty(REPLACE_LOOPBACK, false);
    }

    private void listen(ServletContextHandler context) throws Exception {
        Exception lastFailure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS && server == null; attempt++) {
            int port = FreePorts.next();
            Server candidate = new Server();
            HttpConfiguration http = new HttpConfiguration();
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(candidate, new HttpConnectionFactory(http));
            connector.setHost(HOST);
            connector.setPort(port);
            candidate.addConnector(connector);
            candidate.setHandler(context);
            try {
                candidate.start();
                server = candidate;
                contextUri = URI.create("http://" + HOST + ":" + port + "/" + slashedRoot(exploded.contextRoot()));
            } catch (Exception e) {
                // A port taken in between: try another; anything else fails the same way again.
                candidate.stop();
                lastFailure = e;
                if (!(e instanceof IOException)) {
                    throw e;
                }
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
            try {
                server.stop();
            } catch (Exception e) {
                // Stopping what is going away anyway: nothing more to release.
            }
            server = null;
        }
    }
}
