package io.github.otelcdi.jaxrs.internal.scope;

import io.github.otelcdi.cdi.internal.AddedAnnotations;
import io.github.otelcdi.cdi.internal.OtelCdiExtension;
import io.github.otelcdi.jaxrs.internal.JaxRsTelemetryProducer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Modifier;

/**
 * On JAX-RS runtimes other than Jersey (RESTEasy on WildFly and Open Liberty, CXF), binds
 * {@link ResourceScopeInterceptor} to every resource class, so the SERVER span is current while its
 * methods run. Jersey reports the resource method to otel-cdi's request listener instead, which
 * costs no interceptor; there only the methods that take an event sink get one
 * ({@link EventSinkInterceptor}). Neither is added when telemetry is off. Also adds the producer of
 * the application's {@code JaxRsTelemetry}.
 */
public class ResourceScopeExtension implements Extension {

    private static final String JERSEY_LISTENER = "org.glassfish.jersey.server.monitoring.RequestEventListener";

    private boolean jersey;
    private boolean telemetryOn;

    void register(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        discovery.addAnnotatedType(JaxRsTelemetryProducer.class, JaxRsTelemetryProducer.class.getName());
        // With telemetry off, an interceptor would cost every resource call (the container's
        // invocation context, a request-scoped bean) and do nothing.
        telemetryOn = telemetryOn(beanManager);
        if (!telemetryOn) {
            return;
        }
        jersey = jerseyPresent();
        if (jersey) {
            discovery.addAnnotatedType(EventSinkInterceptor.class, EventSinkInterceptor.class.getName())
                    .add(InterceptorLiteral.INSTANCE);
        } else {
            discovery.addAnnotatedType(CurrentExchange.class, CurrentExchange.class.getName())
                    .add(RequestScoped.Literal.INSTANCE);
            discovery.addAnnotatedType(ResourceScopeInterceptor.class, ResourceScopeInterceptor.class.getName())
                    .add(InterceptorLiteral.INSTANCE);
        }
    }

    <T> void bind(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        AnnotatedType<T> annotated = type.getAnnotatedType();
        if (!telemetryOn || annotated.getJavaClass().isInterface()) {
            return;
        }
        if (!jersey) {
            type.setAnnotatedType(AddedAnnotations.onType(annotated, ResourceScoped.Literal.INSTANCE));
        } else if (!Modifier.isFinal(annotated.getJavaClass().getModifiers())
                && annotated.getMethods().stream().anyMatch(ResourceScopeExtension::takesEventSink)) {
            type.setAnnotatedType(AddedAnnotations.onMethods(annotated, ResourceScopeExtension::takesEventSink, ResourceScoped.Literal.INSTANCE));
        }
    }

    /** A final method cannot be intercepted: binding one would fail a deployment that worked before. */
    private static boolean takesEventSink(AnnotatedMethod<?> method) {
        if (Modifier.isFinal(method.getJavaMember().getModifiers())) {
            return false;
        }
        for (Class<?> parameter : method.getJavaMember().getParameterTypes()) {
            if (parameter == SseEventSink.class) {
                return true;
            }
        }
        return false;
    }

    private static final class InterceptorLiteral extends AnnotationLiteral<Interceptor> implements Interceptor {
        private static final long serialVersionUID = 1L;
        static final InterceptorLiteral INSTANCE = new InterceptorLiteral();
    }

    private static boolean telemetryOn(BeanManager beanManager) {
        try {
            return beanManager.getExtension(OtelCdiExtension.class).telemetryOnWhileDiscovering();
        } catch (RuntimeException notInThisContainer) {
            // As before telemetry could be off: the interceptors cost, but nothing is lost.
            return true;
        }
    }

    private static boolean jerseyPresent() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(JERSEY_LISTENER, false, loader != null ? loader : ResourceScopeExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
