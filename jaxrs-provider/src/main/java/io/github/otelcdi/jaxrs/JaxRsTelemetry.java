package io.github.otelcdi.jaxrs;

import io.github.otelcdi.jaxrs.internal.ServerTracing;
import io.github.otelcdi.jaxrs.internal.TelemetryParts;
import io.github.otelcdi.jaxrs.internal.client.ClientTracing;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.ws.rs.core.Feature;

/**
 * otel-cdi's tracing and HTTP metrics for one JAX-RS application, set up in code: for applications
 * without a CDI container (Jersey with HK2 only, {@code JerseyTest}) or that want to say explicitly
 * what is registered. The CDI extension builds one of these for each application itself; nothing
 * needs registering where it runs.
 *
 * <pre>{@code
 * JaxRsTelemetry telemetry = JaxRsTelemetry.builder(openTelemetry)
 *         .setSettings(InstrumentationSettings.fromProperties(Map.of("otel.instrumentation.http.server.excluded-urls", "/health")))
 *         .addServerRequestHook((span, request) -> span.setAttribute("app.tenant", request.getHeaderString("X-Tenant")))
 *         .build();
 * ResourceConfig application = new ResourceConfig(OrdersResource.class).register(telemetry.serverFeature());
 * Client client = ClientBuilder.newClient().register(telemetry.clientFeature());
 * }</pre>
 *
 * <p>The spans, attributes, metrics, hooks and settings are exactly those of the CDI extension. The
 * {@code OpenTelemetry} given decides whether anything is recorded ({@code otel.sdk.disabled} is read
 * by the CDI extension only, which builds the SDK). On Jersey the SERVER span is current in the
 * resource method; on other runtimes it is current in filters and hooks, and in the resource method
 * only where otel-cdi's CDI extension runs with its own telemetry on (it adds the interceptor then).
 */
public final class JaxRsTelemetry {

    private final Feature serverFeature;
    private final Feature clientFeature;

    JaxRsTelemetry(TelemetryParts parts) {
        this.serverFeature = new ServerTracing(parts);
        this.clientFeature = new ClientTracing(parts);
    }

    /**
     * @param openTelemetry where spans and metrics go, e.g. an {@code OpenTelemetrySdk} of the application's
     * @return a builder for the application's telemetry, with the default settings and no hooks
     */
    public static JaxRsTelemetryBuilder builder(OpenTelemetry openTelemetry) {
        return new JaxRsTelemetryBuilder(openTelemetry);
    }

    /**
     * @param openTelemetry where spans and metrics go
     * @return the application's telemetry with the default settings and no hooks
     */
    public static JaxRsTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * The server side: register it on the JAX-RS application ({@code ResourceConfig.register}, or
     * {@code Application.getSingletons}). Each request becomes a SERVER span named from its route.
     * Registering it on several applications gives each its own route cache; the hooks and settings
     * are shared.
     *
     * @return the feature tracing inbound requests
     */
    public Feature serverFeature() {
        return serverFeature;
    }

    /**
     * The client side: register it on each JAX-RS {@code Client} (or {@code ClientBuilder}). Each call
     * becomes a CLIENT span, child of the span current where the call is made, and the trace context
     * is sent with the request.
     *
     * @return the feature tracing outbound calls
     */
    public Feature clientFeature() {
        return clientFeature;
    }
}
