package io.github.otelcdi.bench.app;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.ws.rs.core.Application;
import java.util.EventListener;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.weld.bean.builtin.BeanManagerProxy;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.manager.BeanManagerImpl;
import org.jboss.weld.module.web.servlet.WeldInitialListener;
import org.jboss.weld.module.web.servlet.WeldTerminalListener;

/**
 * The same application on the RESTEasy path WildFly and Open Liberty users run: RESTEasy's servlet
 * on Undertow's servlet container, Weld SE keeping a request context per request (its servlet
 * listeners), resources from CDI. otel-cdi's Undertow extension is found by Undertow itself, as on
 * WildFly. Arguments and output as {@link BenchServer}.
 */
public final class ResteasyBenchServer {

    private ResteasyBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int probePort = Integer.parseInt(args[1]);
        WeldContainer cdi = new Weld().property(Weld.ARCHIVE_ISOLATION_SYSTEM_PROPERTY, false).initialize();
        BeanManagerImpl beans = BeanManagerProxy.unwrap(cdi.getBeanManager());
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(ResteasyBenchServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("bench")
                .addInitParameter("resteasy.injector.factory", "org.jboss.resteasy.cdi.CdiInjectorFactory")
                .addListener(listener(WeldInitialListener.class, new WeldInitialListener(beans)))
                .addListener(listener(WeldTerminalListener.class, new WeldTerminalListener(beans)))
                .addServlet(Servlets.servlet("bench", HttpServlet30Dispatcher.class)
                        .addInitParam(Application.class.getName(), BenchApplication.class.getName())
                        .addInitParam("resteasy.servlet.mapping.prefix", "/api")
                        .addMapping("/api/*")
                        .setAsyncSupported(true)
                        .setLoadOnStartup(1));
        DeploymentManager deployment = Servlets.defaultContainer().addDeployment(info);
        deployment.deploy();
        Undertow server = Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(deployment.start()).build();
        server.start();
        Probe probe = Probe.start(probePort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            probe.stop();
            server.stop();
            if (cdi.isRunning()) {
                cdi.shutdown();
            }
        }));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static <T extends EventListener> ListenerInfo listener(Class<T> type, T instance) {
        return new ListenerInfo(type, new ImmediateInstanceFactory<>(instance));
    }
}
