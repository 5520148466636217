package io.github.otelcdi.jaxrs.internal;

/** Names of the request properties through which otel-cdi's providers hand state to each other. */
public final class RequestProperties {

    /** The {@link ServerSpan} of the request, present from span start until the span has ended. */
    public static final String SERVER_SPAN = "io.github.otelcdi.server-span";

    /** Present when a runtime-specific listener ends the span after the response is written. */
    public static final String ENDS_WHEN_WRITTEN = "io.github.otelcdi.ends-when-written";

    private RequestProperties() {
    }
}
