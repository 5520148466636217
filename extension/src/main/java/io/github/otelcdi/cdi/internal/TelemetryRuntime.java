package io.github.otelcdi.cdi.internal;

import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.config.SettingKeys;
import io.github.otelcdi.cdi.internal.export.ApplicationLoaderExporters;
import io.github.otelcdi.cdi.internal.export.OkHttpIdleThreads;
import io.github.otelcdi.cdi.internal.export.SpanExportAccounting;
import io.github.otelcdi.cdi.internal.logging.JulLogBridge;
import io.github.otelcdi.config.internal.SdkPropertiesBridge;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one OpenTelemetry SDK of a CDI container (application scoped, registered by
 * {@link OtelCdiExtension}): built when the container has validated the deployment, from the bridged {@code otel.*} properties,
 * never registered as {@code GlobalOpenTelemetry}, flushed and shut down with the container.
 */
public class TelemetryRuntime {

    private static final Logger LOG = Logger.getLogger(TelemetryRuntime.class.getName());
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

    private OtelCdiExtension extension;
    private HookBeans hookBeans;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private volatile OpenTelemetry openTelemetry;
    private volatile AutoCloseable runtimeMetrics;
    private volatile JulLogBridge logBridge;
    private final SpanExportAccounting exportAccounting = new SpanExportAccounting();

    /** For the container's client proxy only. */
    protected TelemetryRuntime() {
    }

    @Inject
    TelemetryRuntime(OtelCdiExtension extension, BeanManager beanManager) {
        this.extension = extension;
        this.hookBeans = new HookBeans(beanManager, extension.apiBeans());
    }

    /**
     * @param type a hook interface
     * @param <T> the hook type
     * @return the application's beans of that type, whatever their scope, in {@code @Priority} order
     *         (those without it after priority {@value HookBeans#DEFAULT_PRIORITY}); empty when none
     */
    public <T> List<HookBean<T>> hooks(Class<T> type) {
        return hookBeans.of(type);
    }

    /** @return the settings validated at start-up */
    public InstrumentationSettings settings() {
        return extension.settings();
    }

    /**
     * One instance per application of something built from the SDK and the settings, e.g. the
     * client instrumenter that every JAX-RS client of the application reports to.
     *
     * @param type the type, used as the key
     * @param factory builds it on first use
     * @param <T> the type
     * @return the application's instance
     */
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    /**
     * Builds the SDK now and bridges the application's {@code java.util.logging} records to it, from
     * start-up on, so no record logged before the first span is missed. Called once, when a log
     * exporter is configured.
     */
    void bridgeLogs() {
        if (openTelemetry() instanceof OpenTelemetrySdk sdk && logBridge == null) {
            logBridge = JulLogBridge.install(sdk.getSdkLoggerProvider(), extension.applicationClassLoader());
        }
    }

    /**
     * @return whether telemetry is recorded at all: {@code otel.sdk.disabled=false}, or the
     *         OpenTelemetry Java agent's pipeline joined (the agent records whatever this application says)
     */
    public boolean enabled() {
        return extension.telemetryOn();
    }

    /**
     * @return whether otel-cdi records into the OpenTelemetry Java agent's pipeline: SERVER spans are
     *         the agent's, enriched by otel-cdi; CLIENT spans are the agent's alone
     */
    public boolean joinsAgent() {
        return extension.agentPipeline().joined();
    }

    /** @return whether the OpenTelemetry Java agent traces {@code @WithSpan} methods in otel-cdi's stead */
    public boolean agentTracesWithSpan() {
        return extension.agentPipeline().agentTracesWithSpan();
    }

    /**
     * @return the SDK, built on the first call; {@link OpenTelemetry#noop()} when the SDK is disabled
     */
    public OpenTelemetry openTelemetry() {
        OpenTelemetry current = openTelemetry;
        if (current == null) {
            synchronized (this) {
                current = openTelemetry;
                if (current == null) {
                    current = build();
                    openTelemetry = current;
                }
            }
        }
        return current;
    }

    private OpenTelemetry build() {
        if (joinsAgent()) {
            // The agent's: it exports, flushes and shuts down; nothing here to build or close.
            return extension.agentPipeline().openTelemetry();
        }
        if (!enabled()) {
            return OpenTelemetry.noop();
        }
        ClassLoader loader = extension.applicationClassLoader();
        Map<String, String> properties = SdkPropertiesBridge.otelProperties(extension.config());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            // The loader customizers first: accounting then wraps the exporter that runs with it.
            OpenTelemetrySdk sdk = exportAccounting.installOn(new ApplicationLoaderExporters(loader)
                            .installOn(AutoConfiguredOpenTelemetrySdk.builder()))
                    .setServiceClassLoader(new CompatibleServicesLoader(loader, AutoConfiguredOpenTelemetrySdk.class.getClassLoader()))
                    .addPropertiesSupplier(() -> properties)
                    // The container's shutdown closes the SDK; a JVM hook per deployment would leak.
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
            if (settings().runtimeTelemetry()) {
                // Opt-in: a server running several applications would otherwise count its JVM once per application.
                runtimeMetrics = runtimeMetrics(sdk);
            }
            return sdk;
        } catch (RuntimeException e) {
            // Autoconfigure wraps the useful message ("Unrecognized value for otel.traces.exporter")
            // in a generic one; the user needs the whole chain to fix the setting.
            throw new IllegalStateException("OpenTelemetry SDK configuration failed: " + messages(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** JVM runtime metrics, or none where the JDK's management API is hidden from the application (WildFly's modules). */
    private static AutoCloseable runtimeMetrics(OpenTelemetrySdk sdk) {
        try {
            return RuntimeTelemetry.create(sdk);
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "otel-cdi: JVM runtime metrics ({0}=true) need the JDK''s com.sun.management API, which this "
                    + "application cannot see ({1}); traces and the other metrics are recorded as usual. On WildFly, add "
                    + "<module name=\"jdk.management\"/> to the dependencies in WEB-INF/jboss-deployment-structure.xml.",
                    new Object[] {SettingKeys.RUNTIME_TELEMETRY_ENABLED, e.toString()});
            return null;
        }
    }

    /**
     * The SDK's last flush runs on a thread of otel-cdi's own, which ends with it: exporters cache
     * per-thread buffers of the application's classes (the OTLP marshaler does), and on the server's
     * undeploying thread, which lives on, they would keep the whole application loaded.
     */
    private CompletableResultCode shutDown(OpenTelemetrySdk sdk) {
        CompletableResultCode[] result = {null};
        Thread thread = new Thread(() -> {
            try {
                result[0] = sdk.shutdown().join(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                OkHttpIdleThreads.end(extension.applicationClassLoader());
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "otel-cdi: the SDK failed while it shut down", e);
                result[0] = CompletableResultCode.ofFailure();
            }
        }, "otel-cdi-shutdown");
        thread.setDaemon(true);
        thread.setContextClassLoader(extension.applicationClassLoader());
        thread.start();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_TIMEOUT_SECONDS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableResultCode done = result[0];
        return done != null ? done : new CompletableResultCode();
    }

    private void closeRuntimeMetrics() {
        AutoCloseable metrics = runtimeMetrics;
        runtimeMetrics = null;
        if (metrics != null) {
            try {
                metrics.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "otel-cdi could not unregister the JVM runtime metrics", e);
            }
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    @PreDestroy
    void shutdown() {
        JulLogBridge bridge = logBridge;
        logBridge = null;
        if (bridge != null) {
            bridge.close();
        }
        hookBeans.release();
        OpenTelemetry current = openTelemetry;
        openTelemetry = null;
        shared.clear();
        closeRuntimeMetrics();
        if (current instanceof OpenTelemetrySdk sdk) {
            CompletableResultCode result = shutDown(sdk);
            exportAccounting.stopped();
            if (!result.isDone()) {
                LOG.log(Level.WARNING, "OpenTelemetry SDK did not flush and shut down within {0} s; unexported telemetry was dropped",
                        SHUTDOWN_TIMEOUT_SECONDS);
            } else if (!result.isSuccess()) {
                LOG.log(Level.WARNING, "OpenTelemetry SDK shut down, but an exporter failed to flush or to close; "
                        + "telemetry it had not exported was dropped");
            }
        }
    }
}
