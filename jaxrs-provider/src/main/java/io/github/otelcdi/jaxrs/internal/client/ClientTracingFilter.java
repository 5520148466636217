package io.github.otelcdi.jaxrs.internal.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Starts the CLIENT span as the last request filter (so it sees the headers the others set, and
 * its propagation headers are the ones sent) and ends it as the first response filter.
 */
public final class ClientTracingFilter implements ClientRequestFilter, ClientResponseFilter {

    /** Request filters run in ascending priority, response filters in descending. */
    public static final int PRIORITY = Integer.MAX_VALUE - 1000;

    private final ClientTelemetry telemetry;

    /** @param telemetry the application's client telemetry */
    public ClientTracingFilter(ClientTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void filter(ClientRequestContext request) {
        telemetry.start(request);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        telemetry.end(request, response, null);
    }
}
