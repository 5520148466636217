package io.github.otelcdi.servers.lanes;

import io.github.otelcdi.servers.lanes.payara.PayaraMicroContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The server lanes' part of Arquillian: every archive is made a drop-in deployment for the lane's
 * server; on Payara Micro, the container is ours (one server for the whole lane, many deployments),
 * elsewhere it is the server's own Arquillian adapter.
 */
public final class ServerLanes implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ServerArchiveProcessor.class);
        if (ServerLane.current().name().startsWith("WILDFLY")) {
            builder.observer(WildFlyLogFormat.class);
        }
        if (ServerLane.current() == ServerLane.PAYARA) {
            builder.service(DeployableContainer.class, PayaraMicroContainer.class);
        }
    }
}
