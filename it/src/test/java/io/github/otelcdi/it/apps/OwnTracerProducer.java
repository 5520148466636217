package io.github.otelcdi.it.apps;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** What a server's own OpenTelemetry integration contributes to an application: a second {@code @Default} Tracer. */
@ApplicationScoped
public class OwnTracerProducer {

    @Produces
    Tracer tracer() {
        return OpenTelemetry.noop().getTracer("server's own");
    }
}
