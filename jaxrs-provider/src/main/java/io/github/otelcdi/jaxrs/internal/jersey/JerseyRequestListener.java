package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.RequestProperties;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Follows each request through Jersey's monitoring events with a {@link TrackedRequest}, which
 * scopes the SERVER span to the resource method and ends it once the response is written.
 * Registered only when tracing is on.
 */
public final class JerseyRequestListener implements ApplicationEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application events carry nothing a span needs.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        start.getContainerRequest().setProperty(RequestProperties.ENDS_WHEN_WRITTEN, Boolean.TRUE);
        return new TrackedRequest();
    }
}
