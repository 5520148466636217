package io.github.otelcdi.reliability;

import io.github.otelcdi.reliability.app.SoakResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the suite deploys. */
final class Deployments {

    /** SDK on, spans batched quickly to the given exporter, no metrics; the service is named after the app. */
    static String traced(String service, String exporter) {
        return String.join("\n", "otel.sdk.disabled=false", "otel.service.name=" + service, "otel.traces.exporter=" + exporter,
                "otel.metrics.exporter=none", "otel.logs.exporter=none", "otel.bsp.schedule.delay=20");
    }

    private Deployments() {
    }

    /** The soak app ({@code apps} package: every kind of request, request numbers on spans) at {@code /{name}/api}. */
    static WebArchive app(String name, String... configLines) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(SoakResource.class.getPackage())
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties");
    }
}
