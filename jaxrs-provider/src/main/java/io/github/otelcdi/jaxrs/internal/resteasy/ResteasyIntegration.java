package io.github.otelcdi.jaxrs.internal.resteasy;

import java.util.Map;
import org.jboss.resteasy.spi.Dispatcher;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.jboss.resteasy.spi.concurrent.ThreadContext;
import org.jboss.resteasy.spi.concurrent.ThreadContexts;

/**
 * What otel-cdi adds on RESTEasy, where RESTEasy's SPI is visible to the application (WildFly, an
 * embedded RESTEasy); loaded only then ({@link #SPI}), so that elsewhere no class of RESTEasy is
 * ever touched.
 */
public final class ResteasyIntegration {

    /** A class of the SPI this integration needs; ask {@code ClassPresence} before loading this class. */
    public static final String SPI = "org.jboss.resteasy.spi.concurrent.ThreadContext";

    private ResteasyIntegration() {
    }

    /**
     * Makes RESTEasy carry the OpenTelemetry context into the tasks it runs for a request (its
     * {@code async()}/{@code rx()} client calls): RESTEasy captures its {@code ThreadContext}s from the
     * context data of the calling thread, which each request starts with a copy of the dispatcher's
     * defaults, so ours go into those defaults, once per application, while the application is set up.
     *
     * @return whether the dispatcher of the application being configured was found
     */
    public static boolean propagateContext() {
        Dispatcher dispatcher = ResteasyProviderFactory.getInstance().getContextData(Dispatcher.class);
        if (dispatcher == null) {
            return false;
        }
        Map<Class, Object> defaults = dispatcher.getDefaultContextObjects();
        ThreadContexts contexts = (ThreadContexts) defaults.computeIfAbsent(ThreadContexts.class, type -> new ThreadContexts());
        for (ThreadContext<?> existing : contexts.getThreadContexts()) {
            if (existing instanceof ResteasyContextPropagation) {
                return true;
            }
        }
        contexts.add(new ResteasyContextPropagation());
        return true;
    }
}
