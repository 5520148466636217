package io.github.otelcdi.servers.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The probe, an application of the server without otel-cdi, at {@code /probe/}. */
@ApplicationPath("/")
public class ProbeApplication extends Application {
}
