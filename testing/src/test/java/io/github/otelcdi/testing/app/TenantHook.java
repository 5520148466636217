package io.github.otelcdi.testing.app;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Puts the caller's tenant on each SERVER span: a bean with CDI, a plain object without. */
@ApplicationScoped
public class TenantHook implements ServerRequestHook {

    /** The attribute set. */
    public static final String ATTRIBUTE = "app.tenant";

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        String tenant = request.getHeaderString("X-Tenant");
        span.setAttribute(ATTRIBUTE, tenant != null ? tenant : "none");
    }
}
