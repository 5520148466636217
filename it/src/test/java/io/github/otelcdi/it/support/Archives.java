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
import io.github.otelcdi.it.apps.chain.FrontResource;
import io.github.otelcdi.it.apps.hooks.EarlyHook;
import io.github.otelcdi.it.apps.logs.LogsResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The web archives the tests deploy. */
final class Archives {

    private static final String SPANS = String.join("\n",
            "otel.sdk.disabled=false",
            "otel.traces.exporter=" + InMemorySpanExporterProvider.NAME,
            "otel.bsp.schedule.delay=20");

    /** Settings every traced test app uses: SDK on, spans to the in-memory exporter, exported quickly. */
    static final String TRACED = SPANS + "\notel.metrics.exporter=none";

    /** As {@link #TRACED}, with metrics to the in-memory exporter every 50 ms. */
    static final String TRACED_AND_METERED = SPANS + "\notel.metrics.exporter=" + InMemorySpanExporterProvider.NAME
            + "\notel.metric.export.interval=50";

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

    /** The chain app (front calls back, {@code @WithSpan} beans, a client hook) at {@code /{name}/}. */
    static WebArchive chain(String name, String... configLines) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(FrontResource.class.getPackage())
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties");
    }

    /** The logging app ({@code apps.logs}) at {@code /{name}/}. */
    static WebArchive logs(String name, String... configLines) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(LogsResource.class.getPackage())
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties");
    }

    /** The shop app with the hooks of {@code apps.hooks}. */
    static WebArchive hookedShop(String name, String... configLines) {
        return shop(name, configLines).addPackage(EarlyHook.class.getPackage());
    }

    /** The shop app under {@code /{name}/api}, with the given {@code microprofile-config.properties} lines. */
    static WebArchive shop(String name, String... configLines) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ShopApplication.class, OrdersResource.class, ItemsResource.class, CatalogApi.class,
                        CatalogResource.class, TracingResource.class)
                .addAsResource(new StringAsset(String.join("\n", configLines) + "\n"), "META-INF/microprofile-config.properties");
    }
}
