package io.github.otelcdi.it.container.arquillian;

import io.github.otelcdi.it.container.EmbeddedDeployment;
import jakarta.enterprise.inject.spi.BeanManager;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian's view of an {@link EmbeddedDeployment}: each WAR on its own class loader, CDI
 * container, configuration and port, in this JVM. In-container tests run with the Local protocol
 * on the test thread, whose context class loader is the archive's while it is deployed, as a
 * request thread's would be; the archive's bean manager serves CDI injection into the test.
 */
abstract class EmbeddedContainer implements DeployableContainer<EmbeddedConfiguration> {

    private final Map<String, Deployed> deployments = new ConcurrentHashMap<>();

    @Inject
    @DeploymentScoped
    private InstanceProducer<BeanManager> beanManager;

    private record Deployed(EmbeddedDeployment deployment, ClassLoader previousContextLoader) {
    }

    /** @return the running deployment of the archive, on this container's runtime */
    abstract EmbeddedDeployment deploy(WebArchive archive);

    @Override
    public Class<EmbeddedConfiguration> getConfigurationClass() {
        return EmbeddedConfiguration.class;
    }

    /** Starting the "server" starts its log, as a server's does. */
    @Override
    public void start() {
        ServerLog.install();
    }

    @Override
    public void stop() {
        // Each deployment stops its own server.
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!(archive instanceof WebArchive war)) {
            throw new DeploymentException("only web archives can be deployed here, not " + archive.getName());
        }
        EmbeddedDeployment deployment;
        try {
            deployment = deploy(war);
        } catch (RuntimeException e) {
            throw new DeploymentException("deploying " + archive.getName() + " failed", e);
        }
        Thread thread = Thread.currentThread();
        deployments.put(archive.getName(), new Deployed(deployment, thread.getContextClassLoader()));
        thread.setContextClassLoader(deployment.classLoader());
        if (deployment.beanManager() != null) {
            beanManager.set(deployment.beanManager());
        }
        URI context = deployment.contextUri();
        String path = context.getPath();
        String contextRoot = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new ProtocolMetaData().addContext(new HTTPContext(context.getHost(), context.getPort())
                .add(new Servlet("otel-cdi", contextRoot)));
    }

    @Override
    public void undeploy(Archive<?> archive) {
        Deployed deployed = deployments.remove(archive.getName());
        if (deployed != null) {
            Thread.currentThread().setContextClassLoader(deployed.previousContextLoader());
            deployed.deployment().close();
        }
    }
}
