package io.github.otelcdi.jaxrs.internal.restclient;

import io.github.otelcdi.jaxrs.internal.client.ClientTracingFeature;
import io.github.otelcdi.jaxrs.internal.jersey.JerseyClientTracingFeature;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Traces every MicroProfile Rest Client the application builds (injected or from
 * {@link RestClientBuilder}): CLIENT spans through the client filter, and the caller's context
 * carried to the thread that runs a {@code CompletionStage} method.
 */
public final class RestClientTracingListener implements RestClientListener {

    private static final String JERSEY_PACKAGE = "org.glassfish.jersey.";

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        // On Jersey the Jersey feature adds what only Jersey offers (failed calls end their span);
        // its auto-discovery would register it too, and only one of them takes effect.
        builder.register(builder.getClass().getName().startsWith(JERSEY_PACKAGE)
                ? JerseyClientTracingFeature.class : ClientTracingFeature.class);
        builder.register(new ContextCarryingInterceptorFactory());
    }
}
