package io.github.otelcdi.jaxrs.internal.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * On servlet containers (WildFly, Payara, a servlet-based embedded server), puts
 * {@link ExchangeFilter} in front of every other filter of the application. Found through
 * {@code META-INF/services}, as servlet containers find initializers in {@code WEB-INF/lib}; never
 * loaded where the application sees no Servlet API (Open Liberty without its servlet feature).
 */
public final class TracingServletInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(ExchangeFilter.NAME, new ExchangeFilter());
        if (filter == null) {
            // Declared by the application already (web.xml): that declaration stands.
            return;
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
