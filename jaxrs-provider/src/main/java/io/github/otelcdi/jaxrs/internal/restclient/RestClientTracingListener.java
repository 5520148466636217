package io.github.otelcdi.jaxrs.internal.restclient;

import io.github.otelcdi.jaxrs.internal.client.ClientTracingFeature;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Traces every MicroProfile Rest Client the application builds (injected or from
 * {@link RestClientBuilder}): CLIENT spans through the client filter, and the caller's context
 * carried to the thread that runs a {@code CompletionStage} method.
 */
public final class RestClientTracingListener implements RestClientListener {

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        // On Jersey the feature adds what only Jersey offers (failed calls end their span); its
        // auto-discovery registers the same class, which takes effect once.
        builder.register(ClientTracingFeature.class);
        builder.register(new ContextCarryingInterceptorFactory());
    }
}
