package io.github.otelcdi.bench.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The benchmarked application as RESTEasy deploys it: the same resources as on Jersey. */
@ApplicationPath("/api")
public class BenchApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ItemsResource.class, HealthResource.class);
    }
}
