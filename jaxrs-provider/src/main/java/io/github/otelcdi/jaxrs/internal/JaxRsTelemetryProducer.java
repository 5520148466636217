package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.cdi.internal.TelemetryRuntime;
import io.github.otelcdi.jaxrs.JaxRsTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the application's {@link JaxRsTelemetry} injectable, for registering its features by hand
 * where nothing registers them (a JAX-RS runtime other than Jersey and RESTEasy, a client built
 * before the application starts). With telemetry off, one that registers nothing. Added by
 * {@link io.github.otelcdi.jaxrs.internal.scope.ResourceScopeExtension} (no bean-defining annotation:
 * a server scanning the bundle as an implicit bean archive would find it a second time).
 */
public class JaxRsTelemetryProducer {

    @Produces
    JaxRsTelemetry telemetry(TelemetryRuntime runtime) {
        return runtime.enabled() ? ApplicationTelemetry.of(runtime) : JaxRsTelemetry.create(OpenTelemetry.noop());
    }
}
