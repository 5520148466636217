package io.github.otelcdi.it.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The context-root URL of every deployment, by its {@code @Deployment} name, as soon as the runtime
 * has deployed it: also for deployments a test deploys itself with Arquillian's {@code Deployer},
 * whose URL Arquillian cannot inject (it does so before the test runs). Client side, every lane.
 */
public final class DeployedUrls implements LoadableExtension {

    private static final Map<String, URI> URLS = new ConcurrentHashMap<>();

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Recorder.class);
    }

    /**
     * @param deployment the {@code @Deployment} name
     * @return its context root, ending in a slash
     * @throws AssertionError when it is not deployed
     */
    public static URI of(String deployment) {
        URI uri = URLS.get(deployment);
        if (uri == null) {
            throw new AssertionError("deployment " + deployment + " is not deployed; deployed: " + URLS.keySet());
        }
        return uri;
    }

    /** Listens to Arquillian's deployment events. */
    public static final class Recorder {

        @Inject
        private Instance<ProtocolMetaData> metaData;

        public void deployed(@Observes AfterDeploy event) {
            ProtocolMetaData data = metaData.get();
            if (data == null || !data.hasContext(HTTPContext.class)) {
                return;
            }
            HTTPContext http = data.getContexts(HTTPContext.class).iterator().next();
            URLS.put(event.getDeployment().getName(), contextRoot(http, event.getDeployment().getArchive().getName()));
        }

        public void undeployed(@Observes AfterUnDeploy event) {
            URLS.remove(event.getDeployment().getName());
        }

        private static URI contextRoot(HTTPContext http, String archiveName) {
            List<Servlet> servlets = http.getServlets();
            String root = servlets.isEmpty() ? archiveName.replaceFirst("\\.war$", "") : servlets.get(0).getContextRoot();
            String path = ("/" + root + "/").replaceAll("/+", "/");
            return URI.create("http://" + http.getHost() + ":" + http.getPort() + path);
        }
    }
}
