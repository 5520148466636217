package io.github.otelcdi.servers.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The drop-in test app under {@code /{context}/api}. */
@ApplicationPath("/api")
public class ShopApplication extends Application {
}
