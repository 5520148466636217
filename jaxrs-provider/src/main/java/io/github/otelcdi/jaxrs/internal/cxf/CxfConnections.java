package io.github.otelcdi.jaxrs.internal.cxf;

import io.github.otelcdi.jaxrs.internal.Connection;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import io.github.otelcdi.jaxrs.internal.EventStream;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.sse.SseEventSink;
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

    /**
     * CXF runs the response filters of an event stream before its resource method, and completes the
     * servlet request's asynchronous context when the stream is over (the sink closed, or a failed
     * write): that is when the span ends. The sink itself is left alone: CXF's broadcaster takes
     * only its own.
     */
    @Override
    public boolean watchEventStream(ContainerRequestContext request, ServerExchange exchange) {
        HttpServletRequest servlet = servletRequest(request);
        if (servlet == null || !servlet.isAsyncStarted() || ((AbstractPropertiesImpl) request).getMessage().get(SseEventSink.class) == null) {
            return false;
        }
        EventStream stream = exchange.streaming();
        try {
            servlet.getAsyncContext().addListener(new StreamCompletion(stream));
        } catch (RuntimeException e) {
            // Nothing would tell the stream: it ends with the exchange.
            stream.ended(null);
            throw e;
        }
        return true;
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

    /** Tells the stream when CXF completes the servlet request's asynchronous context. */
    private record StreamCompletion(EventStream stream) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            stream.ended(null);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            stream.ended(event.getThrowable());
        }

        @Override
        public void onError(AsyncEvent event) {
            stream.ended(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // The stream goes on.
        }
    }
}
