package io.github.otelcdi.reliability.app;

import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Tags each SERVER span with the client's request number ({@code x-request-index}), so the test can account for every one. */
@ApplicationScoped
public class IndexHook implements ServerRequestHook {

    /** The span attribute holding the request number. */
    public static final AttributeKey<Long> INDEX = AttributeKey.longKey("test.request.index");
    /** The request header carrying it. */
    public static final String HEADER = "x-request-index";

    @Override
    public void onRequest(Span span, ContainerRequestContext request) {
        String index = request.getHeaderString(HEADER);
        if (index != null) {
            span.setAttribute(INDEX, Long.parseLong(index));
        }
    }
}
