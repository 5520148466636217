package io.github.otelcdi.reliability.app.hooks;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Takes 5 ms on every request and response; blocks for {@code x-block-millis} (the test's time box)
 * when a request asks it to.
 */
@ApplicationScoped
public class SlowHook implements ServerRequestHook, ServerResponseHook {

    /** Request header: how long the request hook blocks. */
    public static final String BLOCK_HEADER = "x-block-millis";

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        String block = request.getHeaderString(BLOCK_HEADER);
        pause(block == null ? 5 : Long.parseLong(block));
    }

    @Override
    public void onResponse(Span span, ContainerRequestContext request, ContainerResponseContext response) {
        pause(5);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
