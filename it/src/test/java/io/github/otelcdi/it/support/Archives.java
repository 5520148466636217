package io.github.otelcdi.it.support;

import io.github.otelcdi.it.apps.AuthFilter;
import io.github.otelcdi.it.apps.BackendDownException;
import io.github.otelcdi.it.apps.CatalogApi;
import io.github.otelcdi.it.apps.CatalogResource;
import io.github.otelcdi.it.apps.EdgeApplication;
import io.github.otelcdi.it.apps.EdgeExceptionMappers;
import io.github.otelcdi.it.apps.EdgeResource;
import io.github.otelcdi.it.apps.GateFilter;
import io.github.otelcdi.it.apps.ItemsResource;
import io.github.otelcdi.it.apps.OrderMissingException;
import io.github.otelcdi.it.apps.OrdersResource;
import io.github.otelcdi.it.apps.ShopApplication;
import io.github.otelcdi.it.apps.TracingResource;
import io.github.otelcdi.it.apps.chain.BackApi;
import io.github.otelcdi.it.apps.chain.BackResource;
import io.github.otelcdi.it.apps.chain.ChainClientHook;
import io.github.otelcdi.it.apps.chain.DownstreamConfig;
import io.github.otelcdi.it.apps.chain.DownstreamResource;
import io.github.otelcdi.it.apps.chain.FrontResource;
import io.github.otelcdi.it.apps.chain.Greeter;
import io.github.otelcdi.it.apps.chain.RelayResource;
import io.github.otelcdi.it.apps.chain.RestFrontResource;
import io.github.otelcdi.it.apps.hooks.EarlyHook;
import io.github.otelcdi.it.apps.logs.LogsResource;
import io.github.otelcdi.it.apps.work.WorkResource;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The web archives of the behaviour suite, portable as users write them: an {@code Application}
 * subclass, CDI beans, {@code META-INF/microprofile-config.properties}. What a runtime needs on top
 * (otel-cdi's bundle in {@code WEB-INF/lib}, {@code beans.xml}, a server descriptor) is added by that
 * lane's Arquillian archive processor, as the README tells users to add it.
 */
public final class Archives {

    private static final String SPANS = String.join("\n",
            "otel.sdk.disabled=false",
            "otel.traces.exporter=otlp",
            "otel.exporter.otlp.protocol=http/protobuf",
            "otel.exporter.otlp.endpoint=" + Telemetry.endpoint(),
            "otel.bsp.schedule.delay=20",
            "otel.logs.exporter=none");

    /** Settings every traced test app uses: SDK on, spans over OTLP to the suite's receiver, exported quickly. */
    public static final String TRACED = SPANS + "\notel.metrics.exporter=none";

    /** As {@link #TRACED}, with metrics over OTLP every 50 ms. */
    public static final String TRACED_AND_METERED = SPANS + "\notel.metrics.exporter=otlp\notel.metric.export.interval=50";

    /** Also export the application's {@code java.util.logging} records over OTLP. */
    public static final String LOGS_EXPORTED = "otel.logs.exporter=otlp\notel.blrp.schedule.delay=20";

    /**
     * A class of each jar the logging app needs where the server has none: SLF4J on Log4j 2 (a real
     * MDC, and no ServletContainerInitializer, which Liberty without its servlet feature would fail
     * the application on), Log4j 2 API and core.
     */
    private static final List<String> LOGGING_FRAMEWORKS = List.of("org.slf4j.MDC", "org.apache.logging.slf4j.SLF4JServiceProvider",
            "org.apache.logging.log4j.ThreadContext", "org.apache.logging.log4j.core.Logger");

    private Archives() {
    }

    /** The edge-case app, served at {@code /{name}/}. */
    public static WebArchive edge(String name, String... configLines) {
        return war(name, configLines)
                .addClasses(EdgeApplication.class, EdgeResource.class, OrderMissingException.class, BackendDownException.class,
                        EdgeExceptionMappers.class, EdgeExceptionMappers.OrderMissing.class,
                        EdgeExceptionMappers.BackendDown.class, AuthFilter.class, GateFilter.class);
    }

    /**
     * The chain app (front calls back, {@code @WithSpan} beans, a client hook) at {@code /{name}/}; the
     * MicroProfile Rest Client resources only where the runtime offers the Rest Client.
     */
    public static WebArchive chain(String name, String... configLines) {
        WebArchive war = war(name, configLines)
                .addClasses(EdgeApplication.class, FrontResource.class, BackResource.class, ChainClientHook.class, Greeter.class);
        if (Lane.current().restClient()) {
            war.addClasses(RestFrontResource.class, RelayResource.class, BackApi.class, DownstreamConfig.class, DownstreamResource.class)
                    .addAsResource(new StringAsset(DownstreamConfig.class.getName() + "\n"),
                            "META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
        }
        return war;
    }

    /** The logging app ({@code apps.logs}) at {@code /{name}/}, with SLF4J + Logback and Log4j 2 where the runtime has none. */
    public static WebArchive logs(String name, String... configLines) {
        return withLoggingFrameworks(war(name, configLines).addClass(EdgeApplication.class).addPackage(LogsResource.class.getPackage()));
    }

    /**
     * The work app ({@code apps.work}: tasks on other threads, Server-Sent Events) at {@code /{name}/},
     * with the logging frameworks as the logging app has them (the tasks report their MDC).
     */
    public static WebArchive work(String name, String... configLines) {
        return withLoggingFrameworks(war(name, configLines).addClass(EdgeApplication.class).addPackage(WorkResource.class.getPackage()));
    }

    private static WebArchive withLoggingFrameworks(WebArchive war) {
        if (!Lane.current().loggingFrameworks()) {
            for (String type : LOGGING_FRAMEWORKS) {
                war.addAsLibrary(jarOf(type));
            }
        }
        return war;
    }

    private static File jarOf(String className) {
        try {
            return new File(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("the logging app needs " + className + " on the test class path", e);
        }
    }

    /** The shop app with the hooks of {@code apps.hooks}. */
    public static WebArchive hookedShop(String name, String... configLines) {
        return shop(name, configLines).addPackage(EarlyHook.class.getPackage());
    }

    /** The shop app under {@code /{name}/api}, with the given {@code microprofile-config.properties} lines. */
    public static WebArchive shop(String name, String... configLines) {
        return war(name, configLines)
                .addClasses(ShopApplication.class, OrdersResource.class, ItemsResource.class, CatalogApi.class,
                        CatalogResource.class, TracingResource.class);
    }

    /**
     * @param name the archive's name and context root
     * @param configLines lines of its {@code microprofile-config.properties}; {@code otel.service.name} is the
     *                    archive's name unless a line sets it
     */
    public static WebArchive war(String name, String... configLines) {
        List<String> lines = new ArrayList<>(List.of(configLines));
        if (lines.stream().noneMatch(line -> line.contains("otel.service.name=") || line.contains("OTEL_SERVICE_NAME="))) {
            lines.add("otel.service.name=" + name);
        }
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsResource(new StringAsset(String.join("\n", lines) + "\n"), "META-INF/microprofile-config.properties");
    }
}
