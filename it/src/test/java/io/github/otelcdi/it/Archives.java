package io.github.otelcdi.it;

import io.github.otelcdi.it.apps.AuthFilter;
import io.github.otelcdi.it.apps.BackendDownException;
import io.github.otelcdi.it.apps.CatalogApi;
import io.github.otelcdi.it.apps.CatalogResource;
import io.github.otelcdi.it.apps.EdgeExceptionMappers;
import io.github.otelcdi.it.apps.EdgeResource;
import io.github.otelcdi.it.apps.ItemsResource;
import io.github.otelcdi.it.apps.OrderMissingException;
import io.github.otelcdi.it.apps.OrdersResource;
import io.github.otelcdi.it.apps.ShopApplication;
import io.github.otelcdi.it.apps.TracingResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The web archives the tests deploy. */
final class Archives {

    /** Settings every traced test app uses: SDK on, spans to the in-memory exporter, exported quickly. */
    static final String TRACED = String.join("\n",
            "otel.sdk.disabled=false",
            "otel.traces.exporter=" + InMemorySpanExporterProvider.NAME,
            "otel.metrics.exporter=none",
            "otel.bsp.schedule.delay=20");

    private Archives() {
    }

    /** The edge-case app, served at {@code /{name}/} (no {@code @ApplicationPath}). */
    static WebArchive edge(String name, String... configLines) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(EdgeResource.class, OrderMissingException.class, BackendDownException.class,
                        EdgeExceptionMappers.class, EdgeExceptionMappers.OrderMissing.class,
                        EdgeExceptionMappers.BackendDown.class, AuthFilter.class)
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties");
    }

    /** The shop app under {@code /{name}/api}, with the given {@code microprofile-config.properties} lines. */
    static WebArchive shop(String name, String... configLines) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ShopApplication.class, OrdersResource.class, ItemsResource.class, CatalogApi.class,
                        CatalogResource.class, TracingResource.class)
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties");
    }
}
