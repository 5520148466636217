package io.github.otelcdi.it.apps;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class ShopApplication extends Application {
}
