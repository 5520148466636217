package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.internal.PropertiesDelegate;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.message.internal.TracingAwarePropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Jersey on Grizzly: the Grizzly request being served. Jersey's Grizzly container keeps it in the
 * request's properties delegate; reading that field (through a handle resolved once) costs nothing
 * per request, where asking HK2 for the request-scoped {@code Request} allocated about a kilobyte.
 * HK2 remains the fallback should a Jersey version hold it differently.
 */
final class GrizzlyConnections implements ConnectionLookup {

    private static final Logger LOG = Logger.getLogger(GrizzlyConnections.class.getName());
    // ContainerRequest wraps the container's delegate in a TracingAwarePropertiesDelegate.
    private static final Class<?> TRACING_DELEGATE = TracingAwarePropertiesDelegate.class;
    private static final String GRIZZLY_DELEGATE_CLASS = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyRequestPropertiesDelegate";
    private static final Class<?> GRIZZLY_DELEGATE;
    private static final MethodHandle WRAPPED_DELEGATE;
    private static final MethodHandle REQUEST_OF_DELEGATE;

    static {
        Class<?> grizzly = null;
        MethodHandle wrapped = null;
        MethodHandle request = null;
        try {
            grizzly = Class.forName(GRIZZLY_DELEGATE_CLASS, false, GrizzlyConnections.class.getClassLoader());
            wrapped = getter(TRACING_DELEGATE, "propertiesDelegate", PropertiesDelegate.class);
            request = getter(grizzly, "request", Request.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "otel-cdi: Grizzly request not readable from Jersey's properties delegate; asking HK2", e);
            grizzly = null;
            wrapped = null;
            request = null;
        }
        GRIZZLY_DELEGATE = grizzly;
        WRAPPED_DELEGATE = wrapped;
        REQUEST_OF_DELEGATE = request;
    }

    private static MethodHandle getter(Class<?> owner, String field, Class<?> type) throws ReflectiveOperationException {
        return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findGetter(owner, field, type)
                .asType(MethodType.methodType(Object.class, Object.class));
    }

    private final InjectionManager injectionManager;

    GrizzlyConnections(InjectionManager injectionManager) {
        this.injectionManager = injectionManager;
    }

    static boolean serves(InjectionManager injectionManager) {
        return !injectionManager.getAllServiceHolders(Request.class).isEmpty();
    }

    @Override
    public Connection describe(ContainerRequestContext request) {
        Request grizzly = fromDelegate(request);
        if (grizzly == null) {
            grizzly = injectionManager.getInstance(Request.class);
        }
        if (grizzly == null) {
            return Connection.UNKNOWN;
        }
        int port = grizzly.getRemotePort();
        return new Connection(grizzly.getRemoteAddr(), port > 0 ? port : null, version(grizzly.getProtocol()));
    }

    private static Request fromDelegate(ContainerRequestContext request) {
        if (REQUEST_OF_DELEGATE == null || !(request instanceof ContainerRequest container)) {
            return null;
        }
        try {
            Object delegate = container.getPropertiesDelegate();
            if (delegate != null && delegate.getClass() == TRACING_DELEGATE) {
                delegate = (Object) WRAPPED_DELEGATE.invokeExact(delegate);
            }
            if (delegate == null || delegate.getClass() != GRIZZLY_DELEGATE) {
                return null;
            }
            return (Request) (Object) REQUEST_OF_DELEGATE.invokeExact(delegate);
        } catch (Throwable e) {
            return null;
        }
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
