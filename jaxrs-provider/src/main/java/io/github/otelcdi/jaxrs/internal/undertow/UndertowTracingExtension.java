package io.github.otelcdi.jaxrs.internal.undertow;

import io.github.otelcdi.jaxrs.internal.servlet.ExchangeFilter;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;

/**
 * On Undertow (WildFly, an embedded Undertow), puts otel-cdi's {@link ExchangeFilter} in front of
 * every other filter of the application. Undertow finds it through {@code META-INF/services}, as it
 * finds the extensions of a deployment. Not a {@code ServletContainerInitializer}: a server that
 * loads those from {@code WEB-INF/lib} without showing the Servlet API to the application (Open
 * Liberty without its servlet feature) would fail the application on it.
 */
public final class UndertowTracingExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        if (deployment.getFilters().containsKey(ExchangeFilter.NAME)) {
            return;
        }
        deployment.addFilter(Servlets.filter(ExchangeFilter.NAME, ExchangeFilter.class,
                new ImmediateInstanceFactory<>(new ExchangeFilter())).setAsyncSupported(true));
        deployment.insertFilterUrlMapping(0, ExchangeFilter.NAME, "/*", DispatcherType.REQUEST);
    }
}
