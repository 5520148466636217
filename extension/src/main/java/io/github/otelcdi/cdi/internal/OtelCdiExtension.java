package io.github.otelcdi.cdi.internal;

import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.config.SettingKeys;
import io.github.otelcdi.cdi.internal.withspan.WithSpanBinding;
import io.github.otelcdi.cdi.internal.withspan.WithSpanInterceptor;
import io.github.otelcdi.config.internal.ApplicationConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.github.otelcdi.cdi.internal.concurrent.AsyncEventContext;
import io.github.otelcdi.cdi.internal.concurrent.ContextCarryingEventDecorator;
import jakarta.decorator.Decorator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The portable extension: registers otel-cdi's beans itself (our jars need not be bean archives),
 * remembers the application's class loader, and validates the settings while the container starts.
 * One instance per CDI container, so each application gets its own SDK.
 */
public class OtelCdiExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(OtelCdiExtension.class.getName());

    /** Public otel-cdi interfaces (hooks) live under this package; beans implementing one are remembered. */
    private static final String API_PACKAGE = "io.github.otelcdi.";

    private final List<Bean<?>> apiBeans = new CopyOnWriteArrayList<>();
    private final ServerTelemetryCheck serverTelemetry = new ServerTelemetryCheck();
    private ClassLoader applicationClassLoader;
    private volatile Config config;
    private volatile InstrumentationSettings settings;
    private volatile AgentPipeline agentPipeline = AgentPipeline.ABSENT;
    private volatile RuntimeException settingsFailure;
    /** Set while types are discovered: an {@code @ObservesAsync} method exists, so the decorator of {@code Event} is added. */
    private volatile boolean asyncObservers;
    private volatile boolean lateAsyncObserverReported;

    void registerBeans(@Observes BeforeBeanDiscovery event) {
        // Scopes are given here, not as annotations, so that a server treating our jar as an
        // implicit bean archive does not discover the same beans a second time.
        event.addAnnotatedType(TelemetryRuntime.class, TelemetryRuntime.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE);
        event.addAnnotatedType(TelemetryProducers.class, TelemetryProducers.class.getName());
        if (telemetryOnWhileDiscovering()) {
            event.addAnnotatedType(WithSpanInterceptor.class, WithSpanInterceptor.class.getName());
        }
    }

    /**
     * For the extensions deciding while the container discovers types whether to add what only
     * recorded telemetry needs (interceptors, which would cost every call they wrap even with the
     * SDK disabled). Reads the settings now if they were not read yet.
     *
     * @return whether telemetry is on; also true when the settings cannot be read, since the
     *         deployment then fails on them once it is validated
     */
    public boolean telemetryOnWhileDiscovering() {
        readSettingsOnce();
        InstrumentationSettings read = settings;
        return read == null || !read.sdkDisabled() || agentPipeline.joined();
    }

    /**
     * Once per container, on the first lifecycle event that needs them: an extension's observer
     * of {@code BeforeBeanDiscovery} may run before this one's.
     */
    private synchronized void readSettingsOnce() {
        if (settings != null || settingsFailure != null) {
            return;
        }
        // The container boots the application with its class loader as context loader: that is
        // where the application's exporters, samplers and microprofile-config.properties live.
        applicationClassLoader = Thread.currentThread().getContextClassLoader();
        if (applicationClassLoader == null) {
            applicationClassLoader = OtelCdiExtension.class.getClassLoader();
        }
        try {
            Config applicationConfig = ApplicationConfig.of(applicationClassLoader);
            InstrumentationSettings read = InstrumentationSettings.read(applicationConfig);
            config = applicationConfig;
            agentPipeline = AgentPipeline.decide(read, applicationConfig.getOptionalValue(SettingKeys.SERVICE_NAME, String.class)
                    .orElse(String.valueOf(applicationClassLoader)));
            settings = read;
        } catch (RuntimeException e) {
            // Reported with the deployment's other problems once it is validated, as before.
            settingsFailure = e;
        }
    }

    /** Seen while the container discovers types; the decorator of {@code Event} is added only then. */
    void noteAsyncObservers(@Observes @WithAnnotations(ObservesAsync.class) ProcessAnnotatedType<?> event) {
        asyncObservers = true;
    }

    /**
     * Carries the trace context into asynchronous observers, where the application has any: a
     * decorator of the built-in {@code Event} costs every application's start ~50 ms (the container
     * generates and checks its proxy), for nothing when no {@code @ObservesAsync} method exists.
     */
    void carryContextToAsyncObservers(@Observes AfterTypeDiscovery event) {
        if (!asyncObservers) {
            return;
        }
        event.addAnnotatedType(AsyncEventContext.class, AsyncEventContext.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE);
        event.addAnnotatedType(ContextCarryingEventDecorator.class, ContextCarryingEventDecorator.class.getName())
                .add(DecoratorLiteral.INSTANCE);
        // The list of enabled decorators was drawn from the types discovered before this event;
        // its @Priority would not enable a type added now. First: outermost, as its priority says.
        List<Class<?>> enabled = event.getDecorators();
        if (!enabled.contains(ContextCarryingEventDecorator.class)) {
            if (enabled.isEmpty()) {
                enabled.add(ContextCarryingEventDecorator.class);
            } else {
                enabled.add(0, ContextCarryingEventDecorator.class);
            }
        }
    }

    /**
     * An asynchronous observer that type discovery did not show (one added by an extension, or
     * declared on one): its events arrive without the firing thread's trace. Said once.
     */
    void checkAsyncObserver(@Observes ProcessObserverMethod<?, ?> event) {
        if (!asyncObservers && !lateAsyncObserverReported && event.getObserverMethod().isAsync()) {
            lateAsyncObserverReported = true;
            LOG.log(Level.WARNING, "otel-cdi: the asynchronous observer {0} was added after type discovery, so events fired "
                    + "with fireAsync reach it without the trace of the code that fired them", event.getObserverMethod());
        }
    }

    private static final class DecoratorLiteral extends AnnotationLiteral<Decorator> implements Decorator {
        private static final long serialVersionUID = 1L;
        static final DecoratorLiteral INSTANCE = new DecoratorLiteral();
    }

    /** {@code @WithSpan} is no interceptor binding; each method carrying it gets ours. */
    void bindWithSpan(@Observes @WithAnnotations(WithSpan.class) ProcessAnnotatedType<?> event) {
        if (telemetryOnWhileDiscovering()) {
            bind(event);
        }
    }

    private static <T> void bind(ProcessAnnotatedType<T> event) {
        event.setAnnotatedType(AddedAnnotations.onMethods(event.getAnnotatedType(),
                method -> method.isAnnotationPresent(WithSpan.class), WithSpanBinding.Literal.INSTANCE));
    }

    /**
     * Remembers the beans implementing an otel-cdi interface. Asking a {@code BeanManager} later
     * would see only the beans visible from our own bean archive, which on some containers excludes
     * the application's.
     */
    void rememberApiBeans(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        serverTelemetry.observe(bean);
        for (Type type : bean.getTypes()) {
            if (type instanceof Class<?> c && c.isInterface() && c.getName().startsWith(API_PACKAGE)) {
                apiBeans.add(bean);
                return;
            }
        }
    }

    /**
     * Checks for the server's own telemetry before the container validates injection points, so
     * the user reads why instead of "ambiguous dependencies".
     */
    void checkServerTelemetry(@Observes AfterBeanDiscovery event) {
        readSettingsOnce();
        InstrumentationSettings read = settings;
        if (read == null) {
            return;
        }
        try {
            serverTelemetry.problem(config, !read.sdkDisabled() || agentPipeline.joined())
                    .ifPresent(problem -> event.addDefinitionError(new IllegalStateException(problem)));
        } catch (RuntimeException e) {
            settingsFailure = e;
        }
    }

    void startTelemetry(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (settingsFailure != null) {
            event.addDeploymentProblem(settingsFailure);
            return;
        }
        try {
            if (!settings.sdkDisabled() || agentPipeline.joined()) {
                // Built now, not on first use: a configuration the SDK refuses stops the deployment on
                // every runtime (some start JAX-RS only with the first request), and no request waits.
                TelemetryRuntime runtime = runtime(beanManager);
                runtime.openTelemetry();
                if (settings.logsExported()) {
                    runtime.bridgeLogs();
                }
            }
        } catch (RuntimeException e) {
            event.addDeploymentProblem(e);
            return;
        }
        if (settings.sdkDisabled() && !agentPipeline.joined()) {
            LOG.log(Level.INFO, "OpenTelemetry is disabled ({0}=true, the MicroProfile Telemetry default): no spans or "
                    + "metrics are recorded. Enable it with {0}=false in microprofile-config.properties, "
                    + "-D{0}=false or OTEL_SDK_DISABLED=false (on a server whose own telemetry reads {0} too, "
                    + "{1}=false enables otel-cdi alone).", new Object[] {SettingKeys.SDK_DISABLED, SettingKeys.OTEL_CDI_SDK_DISABLED});
        }
    }

    private static TelemetryRuntime runtime(BeanManager beanManager) {
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(TelemetryRuntime.class));
        return (TelemetryRuntime) beanManager.getReference(bean, TelemetryRuntime.class, beanManager.createCreationalContext(bean));
    }

    /** @return the beans implementing a public otel-cdi interface, whatever their scope */
    List<Bean<?>> apiBeans() {
        return apiBeans;
    }

    /**
     * Asked of the extension itself (the container hands it out as it is) rather than of the
     * application-scoped runtime: where telemetry is off, the container then never has to generate
     * the runtime's proxy class while the application starts.
     *
     * @return whether telemetry is recorded at all: the SDK on, or the OpenTelemetry Java agent's pipeline joined
     */
    public boolean telemetryOn() {
        return !settings().sdkDisabled() || agentPipeline().joined();
    }

    /** @return whether otel-cdi records into the OpenTelemetry Java agent's pipeline, decided at start-up */
    public AgentPipeline agentPipeline() {
        settings();
        return agentPipeline;
    }

    /** @return the class loader of the application this container belongs to */
    public ClassLoader applicationClassLoader() {
        return applicationClassLoader;
    }

    /** @return the application's configuration, read at start-up */
    public Config config() {
        settings();
        return config;
    }

    /**
     * @return the settings validated at start-up
     * @throws IllegalStateException before the container has started discovering beans, or when they were invalid
     */
    public InstrumentationSettings settings() {
        InstrumentationSettings current = settings;
        if (current == null && settingsFailure != null) {
            // Asked by another extension before this one reports the failure (CXF builds its JAX-RS servers
            // in its own AfterDeploymentValidation observer, which OpenWebBeans may notify first): say why.
            throw new IllegalStateException(settingsFailure.getMessage(), settingsFailure);
        }
        if (current == null) {
            throw new IllegalStateException("otel-cdi settings are read once the CDI container starts discovering beans");
        }
        return current;
    }
}
