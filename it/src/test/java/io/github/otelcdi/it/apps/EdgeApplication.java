package io.github.otelcdi.it.apps;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the archive's resources at its context root, as a portable application declares it. */
@ApplicationPath("/")
public class EdgeApplication extends Application {
}
