package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.ServerTelemetry;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Follows each request through Jersey's monitoring events with a {@link TrackedRequest}, which gives
 * the SERVER span its route, scopes it to the resource method and ends it once the response is written.
 * Registered only when tracing is on.
 */
public final class JerseyRequestListener implements ApplicationEventListener {

    private final ServerTelemetry telemetry;

    /** @param telemetry the application's server telemetry */
    JerseyRequestListener(ServerTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application events carry nothing a span needs.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        ContainerRequest request = start.getContainerRequest();
        // Jersey builds an event object for every step of a request that has a listener: an
        // excluded URL that will get no span and no caller context is not followed at all.
        if (telemetry.ignores(request, request.getRequestUri().getRawPath())) {
            return null;
        }
        return new TrackedRequest(telemetry);
    }
}
