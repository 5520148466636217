package io.github.otelcdi.servers.lanes;

import io.github.otelcdi.servers.lanes.payara.PayaraMicroContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.execution.TestExecutionDecider;

/**
 * The server lanes' part of Arquillian: every archive is made a drop-in deployment for the lane's
 * server; on Payara Micro, the container is ours (one server for the whole lane, many deployments),
 * elsewhere it is the server's own Arquillian adapter; TCK tests a server cannot pass are skipped
 * with the reason.
 */
public final class ServerLanes implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ServerArchiveProcessor.class);
        builder.service(TestExecutionDecider.class, TckLimits.class);
        if (ServerLane.current().name().startsWith("WILDFLY")) {
            builder.observer(WildFlyLogFormat.class);
        }
        if (ServerLane.current() == ServerLane.PAYARA) {
            builder.service(DeployableContainer.class, PayaraMicroContainer.class);
        }
    }
}
