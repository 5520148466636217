package io.github.otelcdi.reliability.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the reliability app under {@code /{context}/api}. */
@ApplicationPath("/api")
public class ReliabilityApplication extends Application {
}
