package io.github.otelcdi.servers.app;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/** A hook bean of the application: tags every SERVER span. */
@ApplicationScoped
public class TagHook implements ServerRequestHook {

    /** The attribute the hook sets, and its value. */
    public static final String ATTRIBUTE = "app.hook";
    public static final String VALUE = "applied";

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        span.setAttribute(ATTRIBUTE, VALUE);
    }
}
