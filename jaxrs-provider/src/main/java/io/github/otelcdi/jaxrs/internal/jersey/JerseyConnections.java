package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.ClassPresence;
import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.internal.inject.InjectionManager;

/**
 * Asks the container Jersey runs in about a request's connection. Which container that is becomes
 * known only once the application serves (its bindings are complete by then), so the first request
 * decides and the choice is kept.
 */
final class JerseyConnections implements ConnectionLookup {

    private static final String GRIZZLY_REQUEST = "org.glassfish.grizzly.http.server.Request";
    private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

    private final InjectionManager injectionManager;
    private volatile ConnectionLookup container;

    JerseyConnections(InjectionManager injectionManager) {
        this.injectionManager = injectionManager;
    }

    @Override
    public Connection describe(ContainerRequestContext request) {
        return container().describe(request);
    }

    @Override
    public String requestPath(ContainerRequestContext request) {
        return container().requestPath(request);
    }

    private ConnectionLookup container() {
        ConnectionLookup lookup = container;
        if (lookup == null) {
            lookup = detect();
            container = lookup;
        }
        return lookup;
    }

    private ConnectionLookup detect() {
        // Loading the Grizzly adapter only when Grizzly is there keeps its classes optional.
        if (injectionManager != null && ClassPresence.visible(GRIZZLY_REQUEST) && GrizzlyConnections.serves(injectionManager)) {
            return new GrizzlyConnections(injectionManager);
        }
        if (injectionManager != null && ClassPresence.visible(SERVLET_REQUEST) && JerseyServletConnections.serves(injectionManager)) {
            return new JerseyServletConnections(injectionManager);
        }
        return FROM_CONTAINER;
    }
}
