package io.github.otelcdi.jaxrs.internal.cxf;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.apache.cxf.jaxrs.impl.AbstractPropertiesImpl;
import org.apache.cxf.message.Message;

/**
 * CXF on a servlet container (TomEE, CXF's servlets on Jetty or Tomcat): the servlet request that CXF
 * keeps in the message behind each {@code ContainerRequestContext}, asked for the peer, the HTTP
 * version and the raw path. No reflection: two casts and a map lookup per request.
 */
public final class CxfConnections implements ConnectionLookup {

    /** Where CXF's servlet transport puts the servlet request ({@code AbstractHTTPDestination.HTTP_REQUEST}). */
    private static final String HTTP_REQUEST = "HTTP.REQUEST";

    @Override
    public Connection describe(ContainerRequestContext request) {
        HttpServletRequest servlet = servletRequest(request);
        if (servlet == null) {
            return Connection.UNKNOWN;
        }
        return Connection.ofServlet(servlet.getRemoteAddr(), servlet.getRemotePort(), servlet.getProtocol());
    }

    @Override
    public String requestPath(ContainerRequestContext request) {
        HttpServletRequest servlet = servletRequest(request);
        return servlet == null ? null : servlet.getRequestURI();
    }

    private static HttpServletRequest servletRequest(ContainerRequestContext request) {
        if (request instanceof AbstractPropertiesImpl properties) {
            Message message = properties.getMessage();
            if (message != null && message.get(HTTP_REQUEST) instanceof HttpServletRequest servlet) {
                return servlet;
            }
        }
        return null;
    }
}
