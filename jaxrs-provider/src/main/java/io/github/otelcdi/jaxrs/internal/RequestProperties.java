package io.github.otelcdi.jaxrs.internal;

/** Names of the request properties through which otel-cdi's providers hand state to each other. */
public final class RequestProperties {

    /** The {@link ServerExchange} of a traced request, present from span start. */
    public static final String SERVER_EXCHANGE = "io.github.otelcdi.server-exchange";

    /**
     * A {@link ContainerExchange}, put by otel-cdi's servlet filter; on servlet containers JAX-RS
     * request properties are the servlet request's attributes.
     */
    public static final String CONTAINER_EXCHANGE = "io.github.otelcdi.container-exchange";

    private RequestProperties() {
    }
}
