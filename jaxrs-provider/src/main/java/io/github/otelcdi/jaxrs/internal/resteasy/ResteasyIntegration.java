package io.github.otelcdi.jaxrs.internal.resteasy;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes RESTEasy carry the OpenTelemetry context into the tasks it runs for a request (its
 * {@code async()} and {@code rx()} client calls), where the caller's context would otherwise be
 * lost. RESTEasy captures the {@code ThreadContext}s it finds in the context data of the calling
 * thread, which each request starts with a copy of the dispatcher's defaults; so one more goes into
 * those defaults, once per application, while it is set up.
 *
 * <p>Reached through RESTEasy's own classes, as RESTEasy's class loader sees them: the application
 * (so otel-cdi) may not see RESTEasy's SPI at all (Open Liberty), and where it is not RESTEasy
 * nothing here is touched.
 */
public final class ResteasyIntegration {

    private static final Logger LOG = Logger.getLogger(ResteasyIntegration.class.getName());
    private static final String PROVIDER_FACTORY = "org.jboss.resteasy.spi.ResteasyProviderFactory";
    private static final String DISPATCHER = "org.jboss.resteasy.spi.Dispatcher";
    private static final String THREAD_CONTEXT = "org.jboss.resteasy.spi.concurrent.ThreadContext";
    private static final String THREAD_CONTEXTS = "org.jboss.resteasy.spi.concurrent.ThreadContexts";

    private ResteasyIntegration() {
    }

    /**
     * @param runtime the class loader of the JAX-RS runtime configuring the application
     * @return whether RESTEasy now carries the context; false where it is not RESTEasy
     */
    public static boolean propagateContext(ClassLoader runtime) {
        try {
            Class<?> factoryType = Class.forName(PROVIDER_FACTORY, false, runtime);
            Object factory = factoryType.getMethod("getInstance").invoke(null);
            Class<?> dispatcherType = Class.forName(DISPATCHER, false, runtime);
            Object dispatcher = factoryType.getMethod("getContextData", Class.class).invoke(factory, dispatcherType);
            if (dispatcher == null) {
                return false;
            }
            @SuppressWarnings("unchecked")
            Map<Class<?>, Object> defaults = (Map<Class<?>, Object>) dispatcherType.getMethod("getDefaultContextObjects").invoke(dispatcher);
            Class<?> contextsType = Class.forName(THREAD_CONTEXTS, false, runtime);
            Object contexts = defaults.get(contextsType);
            if (contexts == null) {
                contexts = contextsType.getConstructor().newInstance();
                defaults.put(contextsType, contexts);
            }
            Class<?> contextType = Class.forName(THREAD_CONTEXT, false, runtime);
            for (Object existing : (Iterable<?>) contextsType.getMethod("getThreadContexts").invoke(contexts)) {
                if (Proxy.isProxyClass(existing.getClass()) && Proxy.getInvocationHandler(existing) instanceof Propagation) {
                    return true;
                }
            }
            Object propagation = Proxy.newProxyInstance(runtime, new Class<?>[] {contextType}, new Propagation());
            contextsType.getMethod("add", contextType).invoke(contexts, propagation);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "otel-cdi: not RESTEasy, or not this RESTEasy: async client calls are not given the caller's context here", e);
            return false;
        }
    }

    /**
     * RESTEasy's {@code ThreadContext<Context>}: capture on the calling thread, push onto the task's
     * thread, reset there when the task ends. The scope lives from push to reset, on that one thread.
     */
    private static final class Propagation implements InvocationHandler {

        // A stack: a contextual task may run inline inside another on the same thread.
        private final ThreadLocal<Deque<Scope>> pushed = new ThreadLocal<>();

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "capture" -> {
                    return Context.current();
                }
                case "push" -> {
                    Deque<Scope> scopes = pushed.get();
                    if (scopes == null) {
                        scopes = new ArrayDeque<>(2);
                        pushed.set(scopes);
                    }
                    scopes.push(((Context) args[0]).makeCurrent());
                    return null;
                }
                case "reset" -> {
                    Deque<Scope> scopes = pushed.get();
                    Scope scope = scopes == null ? null : scopes.poll();
                    if (scopes != null && scopes.isEmpty()) {
                        pushed.remove();
                    }
                    if (scope != null) {
                        scope.close();
                    }
                    return null;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "otel-cdi context propagation";
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
