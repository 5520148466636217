package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.internal.inject.InjectionManager;

/**
 * Jersey on a servlet container (Payara): the servlet request being served, as Jersey's servlet
 * container injects it. Loaded only where the application sees the Servlet API.
 */
final class JerseyServletConnections implements ConnectionLookup {


    private final InjectionManager injectionManager;

    JerseyServletConnections(InjectionManager injectionManager) {
        this.injectionManager = injectionManager;
    }

    static boolean serves(InjectionManager injectionManager) {
        return !injectionManager.getAllServiceHolders(HttpServletRequest.class).isEmpty();
    }

    @Override
    public Connection describe(ContainerRequestContext request) {
        HttpServletRequest servlet = injectionManager.getInstance(HttpServletRequest.class);
        if (servlet == null) {
            return Connection.UNKNOWN;
        }
        return Connection.ofServlet(servlet.getRemoteAddr(), servlet.getRemotePort(), servlet.getProtocol());
    }

    @Override
    public String requestPath(ContainerRequestContext request) {
        HttpServletRequest servlet = injectionManager.getInstance(HttpServletRequest.class);
        return servlet == null ? null : servlet.getRequestURI();
    }
}
