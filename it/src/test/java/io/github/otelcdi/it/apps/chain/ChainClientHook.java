package io.github.otelcdi.it.apps.chain;

import io.github.otelcdi.jaxrs.ClientRequestHook;
import io.github.otelcdi.jaxrs.ClientResponseHook;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;

/** Marks CLIENT spans, so the test sees client hooks run. */
@ApplicationScoped
public class ChainClientHook implements ClientRequestHook, ClientResponseHook {

    @Override
    public void onRequest(Span span, ClientRequestContext request) {
        span.setAttribute("test.client.path", request.getUri().getPath());
    }

    @Override
    public void onResponse(Span span, ClientRequestContext request, ClientResponseContext response) {
        span.setAttribute("test.client.status", response == null ? -1 : response.getStatus());
    }
}
