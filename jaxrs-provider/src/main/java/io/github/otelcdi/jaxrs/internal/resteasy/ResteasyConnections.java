package io.github.otelcdi.jaxrs.internal.resteasy;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RESTEasy on a servlet container, where otel-cdi has no filter of its own (Open Liberty): the
 * servlet request RESTEasy keeps in its context data while it serves a request. Looked up through
 * RESTEasy's and the servlet API's classes as RESTEasy itself sees them, since the application (so
 * otel-cdi) may see neither; resolved once per runtime, then three handle calls per request.
 */
public final class ResteasyConnections implements ConnectionLookup {

    private static final Logger LOG = Logger.getLogger(ResteasyConnections.class.getName());
    private static final String CONTEXT = "org.jboss.resteasy.core.ResteasyContext";
    private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

    // One application sees one RESTEasy: resolved for the first request class, kept with it. Not a
    // ClassValue: its value would sit in the server's class and keep the application loaded.
    private volatile Resolved resolved;

    private Handles handles(Class<?> requestClass) {
        Resolved known = resolved;
        if (known == null || known.requestClass != requestClass) {
            known = new Resolved(requestClass, Handles.resolve(requestClass.getClassLoader()));
            resolved = known;
        }
        return known.handles;
    }

    private record Resolved(Class<?> requestClass, Handles handles) {
    }

    @Override
    public Connection describe(ContainerRequestContext request) {
        Handles found = handles(request.getClass());
        if (found == Handles.NONE) {
            return Connection.UNKNOWN;
        }
        try {
            Object servletRequest = found.contextData.invoke(found.servletRequestType);
            if (servletRequest == null) {
                return Connection.UNKNOWN;
            }
            return Connection.ofServlet((String) found.remoteAddress.invoke(servletRequest),
                    (int) found.remotePort.invoke(servletRequest), (String) found.protocol.invoke(servletRequest));
        } catch (Throwable e) {
            return Connection.UNKNOWN;
        }
    }

    @Override
    public String requestPath(ContainerRequestContext request) {
        Handles found = handles(request.getClass());
        if (found == Handles.NONE) {
            return null;
        }
        try {
            Object servletRequest = found.contextData.invoke(found.servletRequestType);
            return servletRequest == null ? null : (String) found.requestPath.invoke(servletRequest);
        } catch (Throwable e) {
            return null;
        }
    }


    /** What RESTEasy offers for the lookup; {@link #NONE} where it is not RESTEasy on servlets. */
    private record Handles(Class<?> servletRequestType, MethodHandle contextData, MethodHandle remoteAddress,
            MethodHandle remotePort, MethodHandle protocol, MethodHandle requestPath) {

        static final Handles NONE = new Handles(null, null, null, null, null, null);

        static Handles resolve(ClassLoader runtime) {
            if (runtime == null) {
                return NONE;
            }
            try {
                Class<?> context = Class.forName(CONTEXT, false, runtime);
                Class<?> servletRequest = Class.forName(SERVLET_REQUEST, false, runtime);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodHandle contextData = lookup.findStatic(context, "getContextData", MethodType.methodType(Object.class, Class.class));
                return new Handles(servletRequest, contextData,
                        text(lookup, servletRequest, "getRemoteAddr"),
                        lookup.findVirtual(servletRequest, "getRemotePort", MethodType.methodType(int.class)).asType(
                                MethodType.methodType(int.class, Object.class)),
                        text(lookup, servletRequest, "getProtocol"), text(lookup, servletRequest, "getRequestURI"));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "otel-cdi: no servlet request to ask for the connection on this runtime", e);
                return NONE;
            }
        }

        private static MethodHandle text(MethodHandles.Lookup lookup, Class<?> type, String getter) throws ReflectiveOperationException {
            return lookup.findVirtual(type, getter, MethodType.methodType(String.class)).asType(MethodType.methodType(Object.class, Object.class));
        }
    }
}
