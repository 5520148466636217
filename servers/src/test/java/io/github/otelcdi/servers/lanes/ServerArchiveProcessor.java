package io.github.otelcdi.servers.lanes;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Turns a portable test application (the behaviour suite's, a TCK's) into what a user deploys on
 * this lane's server, exactly as the README says: otel-cdi's bundle in {@code WEB-INF/lib}, a
 * {@code beans.xml} where the application has none, the server's descriptor where the server ships
 * telemetry of its own, and on Payara otel-cdi's own switch in place of {@code otel.sdk.disabled}.
 * Archives that carry the bundle already (the drop-in tests build theirs as a user would) are left
 * as they are, and so are those marked {@code WEB-INF/otel-cdi.none} (applications without otel-cdi). Done as each archive is deployed, testable or not (Arquillian's archive processors
 * see testable ones only).
 */
public final class ServerArchiveProcessor {

    private static final String BUNDLE = "otel-cdi-bundle.jar";
    private static final String TCK_PACKAGE = "org.eclipse.microprofile.telemetry.";
    private static final ArchivePath CONFIG = ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");
    private static final String SDK_DISABLED = "otel.sdk.disabled";
    private static final String OTEL_CDI_SDK_DISABLED = "otel-cdi.sdk.disabled";
    private static final String ALL_BEANS = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
            + "bean-discovery-mode=\"all\"/>\n";

    @Inject
    private Instance<TestClass> testClass;

    public void beforeDeploy(@Observes BeforeDeploy event) {
        DeploymentDescription deployment = event.getDeployment();
        if (deployment.isArchiveDeployment()) {
            process(deployment.testable() ? deployment.getTestableArchive() : deployment.getArchive(), testClass.get());
        }
    }

    private static void process(Archive<?> archive, TestClass testClass) {
        if (!(archive instanceof WebArchive war) || war.contains("WEB-INF/lib/" + BUNDLE) || war.contains("WEB-INF/otel-cdi.none")) {
            return;
        }
        ServerLane lane = ServerLane.current();
        war.addAsLibrary(new File(System.getProperty("otel-cdi.bundle")), BUNDLE);
        if (!war.contains("WEB-INF/beans.xml") && !war.contains("WEB-INF/classes/META-INF/beans.xml")) {
            war.addAsWebInfResource(new StringAsset(ALL_BEANS), "beans.xml");
        }
        for (String descriptor : lane.descriptors()) {
            if (!war.contains("WEB-INF/" + descriptor)) {
                war.addAsWebInfResource("descriptors/" + lane.id() + "/" + descriptor, descriptor);
            }
        }
        if (testClass != null && testClass.getJavaClass().getName().startsWith(TCK_PACKAGE)) {
            // The TCKs' porting package, inside the server where their in-container tests run.
            war.addClass(TckExecutor.class).addAsResource(new StringAsset("telemetry.tck.executor=" + TckExecutor.class.getName() + "\n"),
                    "META-INF/microprofile-telemetry-tck.properties");
        }
        if (lane.ownSdkSwitch() && war.contains(CONFIG)) {
            String config = read(war.get(CONFIG));
            war.delete(CONFIG);
            war.add(new StringAsset(config.replace(SDK_DISABLED + "=", OTEL_CDI_SDK_DISABLED + "=")), CONFIG);
        }
    }

    private static String read(Node node) {
        try (InputStream in = node.getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
