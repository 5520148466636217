package io.github.otelcdi.cdi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application class loader that also shows another copy's service files (a server's own
 * OpenTelemetry): autoconfigure must see only the files whose classes are the SDK's service types.
 */
class CompatibleServicesLoaderTest {

    private static final String SERVICE_FILE = "META-INF/services/" + ResourceProvider.class.getName();

    /** A resource provider of the application. */
    public static final class ApplicationResourceProvider implements ResourceProvider {
        @Override
        public Resource createResource(ConfigProperties config) {
            return Resource.empty();
        }
    }

    @Test
    void keepsTheApplicationsServiceFilesAndDropsForeignOnes(@TempDir Path dir) throws Exception {
        Path own = serviceFile(dir.resolve("own"), "# the application's\n" + ApplicationResourceProvider.class.getName() + "\n");
        serviceFile(dir.resolve("foreign"), String.class.getName() + "\n");
        serviceFile(dir.resolve("missing"), "com.example.NotThere\n");
        Files.writeString(Files.createDirectories(dir.resolve("foreign/META-INF")).resolve("other.txt"), "kept");
        try (URLClassLoader application = new URLClassLoader(new URL[] {dir.resolve("own").toUri().toURL(),
                dir.resolve("foreign").toUri().toURL(), dir.resolve("missing").toUri().toURL()}, getClass().getClassLoader())) {
            CompatibleServicesLoader loader = new CompatibleServicesLoader(application, ResourceProvider.class.getClassLoader());

            List<URL> files = Collections.list(loader.getResources(SERVICE_FILE));
            assertTrue(files.contains(own.resolve(SERVICE_FILE).toUri().toURL()), files.toString());
            assertTrue(files.stream().noneMatch(url -> url.toString().contains("/foreign/") || url.toString().contains("/missing/")),
                    files.toString());
            // The SDK's own file (autoconfigure's jar, through the parent) is kept: its classes are the SDK's.
            List<String> providers = ServiceLoader.load(ResourceProvider.class, loader).stream()
                    .map(provider -> provider.type().getName()).toList();
            assertTrue(providers.contains(ApplicationResourceProvider.class.getName()), "loads without a ServiceConfigurationError: " + providers);
            assertNotNull(loader.getResource("META-INF/other.txt"), "other resources are the application's");
            assertEquals(1, Collections.list(loader.getResources("META-INF/other.txt")).size());
        }
    }

    private static Path serviceFile(Path root, String content) throws IOException {
        Path file = root.resolve(SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return root;
    }
}
