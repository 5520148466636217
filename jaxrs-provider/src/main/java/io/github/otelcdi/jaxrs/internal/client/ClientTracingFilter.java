package io.github.otelcdi.jaxrs.internal.client;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Configuration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the CLIENT span as the last request filter (so it sees the headers the others set, and
 * its propagation headers are the ones sent) and ends it as the first response filter.
 *
 * <p>Registered by {@link ClientTracingFeature} with the application's telemetry; or, on RESTEasy,
 * as a provider class from {@code META-INF/services/jakarta.ws.rs.ext.Providers} (RESTEasy applies
 * what a client feature registers to the server's provider factory, not to the client's), and on
 * CXF as a bus-wide provider class: there each client's instance finds the application's telemetry
 * itself, once, when the first call is made.
 */
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(ClientTracingFilter.PRIORITY)
public final class ClientTracingFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final Logger LOG = Logger.getLogger(ClientTracingFilter.class.getName());

    /** Request filters run in ascending priority, response filters in descending. */
    public static final int PRIORITY = Integer.MAX_VALUE - 1000;

    private volatile ClientTelemetry telemetry;
    private volatile boolean resolved;
    /** Made with its telemetry (not by the runtime from the providers file): nothing to look up. */
    private final boolean given;

    /** For runtimes that create providers from their class: the telemetry is looked up at the first call. */
    public ClientTracingFilter() {
        this.given = false;
    }

    /**
     * Not public: RESTEasy picks a provider's constructor among the public ones, and must take the no-argument one.
     *
     * @param telemetry the application's client telemetry
     */
    ClientTracingFilter(ClientTelemetry telemetry) {
        this.telemetry = telemetry;
        this.resolved = true;
        this.given = true;
    }

    @Override
    public void filter(ClientRequestContext request) {
        ClientTelemetry current = telemetry(request);
        if (current != null) {
            current.start(request);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        ClientTelemetry current = telemetry(request);
        if (current != null) {
            current.end(request, response, null);
        }
    }

    private ClientTelemetry telemetry(ClientRequestContext request) {
        if (given) {
            return telemetry;
        }
        // CXF 4.1's proxies and Rest Clients have no JAX-RS configuration at all.
        Configuration configuration = request.getConfiguration();
        if (configuration != null && configuration.getProperty(ClientTelemetry.OWN_TELEMETRY) instanceof ClientTelemetry own) {
            // Where the client's own filter traces the call, this one was added beside the client's configuration (a CXF bus).
            return configuration.getProperty(ClientTelemetry.OWN_FILTER) != null ? null : own;
        }
        if (!resolved) {
            // Racing first calls may both look it up; the runtime hands out the same instance.
            try {
                telemetry = ClientTracingFeature.applicationTelemetry();
            } catch (RuntimeException | LinkageError e) {
                // The call goes on untraced: never the application's failure.
                LOG.log(Level.WARNING, "otel-cdi could not find the application's telemetry: this client's calls are not traced", e);
            }
            resolved = true;
        }
        return telemetry;
    }
}
