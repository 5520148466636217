package io.github.otelcdi.cdi.internal;

import io.github.otelcdi.cdi.internal.export.HttpSenderPreference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's class loader as the SDK's autoconfigure sees it for its service files: the
 * same classes and resources, except {@code META-INF/services} files whose implementations are not
 * of the service type otel-cdi's SDK uses. A server with its own OpenTelemetry (Payara) lets the
 * application see that copy's service files; loading their classes would fail the whole SDK with
 * "not a subtype". The application's own files, and those of its exporters, are kept; of the OTLP
 * HTTP senders, the JDK's ({@link HttpSenderPreference}).
 */
final class CompatibleServicesLoader extends ClassLoader {

    private static final Logger LOG = Logger.getLogger(CompatibleServicesLoader.class.getName());
    private static final String SERVICES = "META-INF/services/";

    private final ClassLoader application;
    private final ClassLoader sdk;

    /**
     * @param application the application's class loader, which finds every class and resource
     * @param sdk the loader of otel-cdi's SDK, which defines the service types
     */
    CompatibleServicesLoader(ClassLoader application, ClassLoader sdk) {
        super(application);
        this.application = application;
        this.sdk = sdk;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> found = super.getResources(name);
        Class<?> service = name.startsWith(SERVICES) ? serviceType(name.substring(SERVICES.length())) : null;
        if (service == null) {
            return found;
        }
        List<URL> kept = new ArrayList<>();
        for (URL url : Collections.list(found)) {
            if (implementsService(url, service)) {
                kept.add(url);
            } else {
                LOG.log(Level.FINE, "otel-cdi: ignoring {0}: its classes are not {1} as otel-cdi''s SDK loads it "
                        + "(another copy of OpenTelemetry, e.g. the server''s)", new Object[] {url, service.getName()});
            }
        }
        return Collections.enumeration(name.equals(HttpSenderPreference.SERVICE_FILE) ? HttpSenderPreference.apply(kept) : kept);
    }

    private Class<?> serviceType(String name) {
        try {
            return Class.forName(name, false, sdk);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private boolean implementsService(URL url, Class<?> service) {
        try (InputStream in = url.openStream();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String type = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!type.isEmpty() && !service.isAssignableFrom(Class.forName(type, false, application))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | ClassNotFoundException | LinkageError e) {
            // ServiceLoader would fail on this file just the same.
            return false;
        }
    }
}
