package io.github.otelcdi.it.container;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * The CDI request context around each dispatch of a request, on the thread that serves it, as a
 * server's CDI integration keeps it (TomEE's OpenWebBeans listener): through the portable
 * {@link RequestContextController}, so it needs no implementation's classes.
 */
final class RequestScopeFilter implements Filter {

    private final BeanManager beans;

    RequestScopeFilter(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        RequestContextController controller = beans.createInstance().select(RequestContextController.class).get();
        boolean activated = controller.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            if (activated) {
                controller.deactivate();
            }
        }
    }
}
