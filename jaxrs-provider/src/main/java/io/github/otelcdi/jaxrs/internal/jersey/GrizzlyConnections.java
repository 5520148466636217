package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.internal.inject.InjectionManager;

/** Jersey on Grizzly: the Grizzly request Jersey binds for the request being served. */
final class GrizzlyConnections implements ConnectionLookup {

    private final InjectionManager injectionManager;

    GrizzlyConnections(InjectionManager injectionManager) {
        this.injectionManager = injectionManager;
    }

    static boolean serves(InjectionManager injectionManager) {
        return !injectionManager.getAllServiceHolders(Request.class).isEmpty();
    }

    @Override
    public Connection describe(ContainerRequestContext request) {
        Request grizzly = injectionManager.getInstance(Request.class);
        if (grizzly == null) {
            return Connection.UNKNOWN;
        }
        int port = grizzly.getRemotePort();
        return new Connection(grizzly.getRemoteAddr(), port > 0 ? port : null, version(grizzly.getProtocol()));
    }

    private static String version(Protocol protocol) {
        if (protocol == null) {
            return null;
        }
        return switch (protocol) {
            case HTTP_0_9 -> "0.9";
            case HTTP_1_0 -> "1.0";
            case HTTP_1_1 -> "1.1";
            case HTTP_2_0 -> "2";
        };
    }
}
