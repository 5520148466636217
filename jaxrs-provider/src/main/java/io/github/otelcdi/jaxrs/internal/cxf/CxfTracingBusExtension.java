package io.github.otelcdi.jaxrs.internal.cxf;

import io.github.otelcdi.jaxrs.internal.ClassPresence;
import io.github.otelcdi.jaxrs.internal.ServerTracingFeature;
import io.github.otelcdi.jaxrs.internal.client.ClientTracingFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.cxf.Bus;

/**
 * Turns tracing on for every JAX-RS server and client of an Apache CXF bus, the way CXF's own
 * features switch themselves on: a bus extension ({@code META-INF/cxf/bus-extensions.txt}) that CXF
 * creates with each bus. It adds otel-cdi's server feature and client filter to the bus-wide
 * providers, which CXF applies to every server and client built on that bus: the servers of CXF's
 * CDI integration and of {@code CXFNonSpringJaxrsServlet}, {@code ClientBuilder} clients,
 * {@code WebClient}s, proxies and the MicroProfile Rest Client. CXF reads neither Jersey's
 * auto-discovery nor RESTEasy's providers file. It also puts {@link UnmappedFaultInterceptor} on the
 * bus's out-fault chain, where CXF answers exceptions nothing maps, and {@link CxfClientFailures} on
 * its out chain, where client calls fail without a response. Providers set in the bus property
 * later, replacing the list (Spring's {@code <cxf:properties>}), drop otel-cdi's.
 *
 * <p>The server feature looks up the application's telemetry each time a server is built, so a bus
 * shared by applications still traces each with its own. The client filter goes in as a class:
 * CXF makes an instance per client, which finds its application's telemetry at its first call.
 */
public final class CxfTracingBusExtension {

    /** The bus property CXF reads the bus-wide JAX-RS providers of servers and clients from. */
    static final String BUS_PROVIDERS = "org.apache.cxf.jaxrs.bus.providers";
    /** Part of CXF's JAX-RS client, which a server may lack. */
    private static final String CLIENT_REQUEST = "org.apache.cxf.jaxrs.client.spec.ClientRequestContextImpl";
    private static final Logger LOG = Logger.getLogger(CxfTracingBusExtension.class.getName());

    /**
     * Called by CXF for each new bus.
     *
     * @param bus the bus being created
     */
    public CxfTracingBusExtension(Bus bus) {
        try {
            Object configured = bus.getProperty(BUS_PROVIDERS);
            List<Object> providers = new ArrayList<>();
            if (configured instanceof List<?> list) {
                providers.addAll(list);
            } else if (configured != null) {
                LOG.warning("otel-cdi: the CXF bus property " + BUS_PROVIDERS + " is not a list (" + configured.getClass().getName()
                        + "), so CXF ignores it, and otel-cdi leaves it alone: this bus's JAX-RS servers and clients are not traced");
                return;
            }
            boolean server = providers.stream().anyMatch(ServerTracingFeature.class::isInstance);
            boolean client = providers.contains(ClientTracingFilter.class);
            if (!server) {
                providers.add(new ServerTracingFeature());
            }
            if (!client) {
                providers.add(ClientTracingFilter.class);
            }
            if (!server || !client) {
                bus.setProperty(BUS_PROVIDERS, providers);
            }
            if (bus.getOutFaultInterceptors().stream().noneMatch(UnmappedFaultInterceptor.class::isInstance)) {
                bus.getOutFaultInterceptors().add(UnmappedFaultInterceptor.beforeMapping());
                bus.getOutFaultInterceptors().add(UnmappedFaultInterceptor.afterMapping());
            }
            if (ClassPresence.visible(CLIENT_REQUEST) && bus.getOutInterceptors().stream().noneMatch(CxfClientFailures.class::isInstance)) {
                bus.getOutInterceptors().add(new CxfClientFailures());
            }
        } catch (RuntimeException | LinkageError e) {
            // A bus otel-cdi cannot extend still serves, untraced.
            LOG.log(Level.WARNING, "otel-cdi could not add its JAX-RS providers to a CXF bus: its servers and clients are not traced", e);
        }
    }
}
