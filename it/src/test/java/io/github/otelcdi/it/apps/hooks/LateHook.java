package io.github.otelcdi.it.apps.hooks;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A {@code @Dependent} hook that runs after the others and injects configuration. */
@Dependent
@Priority(200)
public class LateHook implements ServerRequestHook, ServerResponseHook {

    @Inject
    @ConfigProperty(name = "shop.tenant")
    String tenant;

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        span.setAttribute("test.request.last", "late");
        span.setAttribute("test.tenant", tenant);
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        span.setAttribute("test.response.last", "late");
    }
}
