package io.github.otelcdi.jaxrs.internal.servlet;

import io.github.otelcdi.jaxrs.internal.ApplicationTelemetry;
import io.github.otelcdi.jaxrs.internal.ContainerDispatch;
import io.github.otelcdi.jaxrs.internal.ContainerExchange;
import io.github.otelcdi.jaxrs.internal.RequestProperties;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives JAX-RS what only the servlet container knows about an exchange ({@link ServletExchange}):
 * the connection, the thread's end of the dispatch, and the completion of the response, written
 * or failed, also when asynchronous. Costs one flag check per request when tracing is off.
 */
public final class ExchangeFilter implements Filter {

    /** The filter's name in the application. */
    public static final String NAME = "otel-cdi";
    private static final Logger LOG = Logger.getLogger(ExchangeFilter.class.getName());

    // Decided on the first request, when the application's CDI container is surely up.
    private volatile Boolean tracing;

    /** Made by the servlet container's otel-cdi extension ({@code internal.undertow}). */
    public ExchangeFilter() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !tracing()) {
            chain.doFilter(request, response);
            return;
        }
        ServletExchange exchange = new ServletExchange(http);
        http.setAttribute(RequestProperties.CONTAINER_EXCHANGE, exchange);
        ContainerExchange outer = ContainerDispatch.enter(exchange);
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            ContainerDispatch.exit(outer);
            exchange.dispatched(failure);
        }
    }

    private boolean tracing() {
        Boolean on = tracing;
        if (on == null) {
            on = lookup();
            tracing = on;
        }
        return on;
    }

    private static boolean lookup() {
        try {
            return ApplicationTelemetry.telemetryOn(CDI.current());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "otel-cdi: no CDI container for this servlet context; its requests pass untouched", e);
            return false;
        }
    }
}
