package io.github.otelcdi.servers;

import io.github.otelcdi.servers.app.ShopApplication;
import java.io.File;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR a user deploys: the application, {@code WEB-INF/lib/otel-cdi-bundle.jar}, {@code beans.xml}, its settings. */
final class DropInArchive {

    private DropInArchive() {
    }

    /**
     * @param name the WAR's name and context root
     * @param configLines the lines of {@code META-INF/microprofile-config.properties}
     * @param descriptors server descriptors (from {@code src/test/resources/descriptors/<lane>}) to put in {@code WEB-INF}
     */
    static WebArchive of(String name, List<String> configLines, List<String> descriptors) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(ShopApplication.class.getPackage())
                .addAsLibrary(new File(System.getProperty("otel-cdi.bundle")))
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (String descriptor : descriptors) {
            war.addAsWebInfResource("descriptors/" + System.getProperty("otel-cdi.lane") + "/" + descriptor, descriptor);
        }
        return war;
    }

    /** @return the descriptors README asks for on the server under test (system property {@code servers.descriptors}) */
    static List<String> serverDescriptors() {
        return List.of(System.getProperty("servers.descriptors", "").split(",")).stream()
                .map(String::trim).filter(descriptor -> !descriptor.isEmpty()).toList();
    }
}
