package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.context.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SERVER span of one request, handed as a request property from the provider that starts it
 * to the one that ends it. Holds the context, never a {@code Scope}: scopes are opened and closed
 * on one thread around the resource method only.
 */
public final class ServerSpan {

    private final ServerTelemetry telemetry;
    private final Context context;
    private final AtomicBoolean ended = new AtomicBoolean();

    ServerSpan(ServerTelemetry telemetry, Context context) {
        this.telemetry = telemetry;
        this.context = context;
    }

    /** @return the context holding the SERVER span (and the caller's baggage) */
    public Context context() {
        return context;
    }

    /**
     * Ends the span; only the first call counts.
     *
     * @param request the request
     * @param resourceInfo the matched resource, whose methods return null when nothing matched
     * @param response the response, or null when none was produced
     * @param error the failure that ended the request, or null
     */
    public void end(ContainerRequestContext request, ResourceInfo resourceInfo, ContainerResponseContext response, Throwable error) {
        if (ended.compareAndSet(false, true)) {
            telemetry.end(this, request, resourceInfo, response, error);
        }
    }
}
