package io.github.otelcdi.it;

import io.github.otelcdi.it.container.WebArchiveDeployment;
import java.net.URI;
import java.util.function.Supplier;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One archive deployed for a whole test class ({@code @RegisterExtension static}), undeployed after
 * it; each test starts with no captured spans.
 */
final class DeployedApp implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Supplier<WebArchive> archive;
    private WebArchiveDeployment deployment;

    DeployedApp(Supplier<WebArchive> archive) {
        this.archive = archive;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        deployment = WebArchiveDeployment.deploy(archive.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CapturedSpans.clearWhenQuiet();
        CapturedMetrics.clear();
    }

    URI contextUri() {
        return deployment.contextUri();
    }

    URI applicationUri() {
        return deployment.applicationUri();
    }
}
