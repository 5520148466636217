package io.github.otelcdi.cdi.internal.concurrent;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries the firing thread's trace context to the observers of an asynchronous event: the event is
 * fired with an executor that runs each notification in that context, on the executor the
 * container (or the application's {@code NotificationOptions}) would have used anyway. Portable CDI
 * has no hook on the firing thread but the {@code Event} bean itself. Where that executor cannot be
 * found, or anything fails, the event is fired as without otel-cdi. Application scoped, one per
 * container (registered by the extension).
 */
public class AsyncEventContext {

    // Weld's notification options, copied by name: NotificationOptions cannot list its keys.
    private static final String[] WELD_OPTIONS = {"weld.async.notification.mode", "weld.async.notification.timeout"};

    private static final Logger LOG = Logger.getLogger(AsyncEventContext.class.getName());

    private final AtomicBoolean warned = new AtomicBoolean();
    private BeanManager beanManager;
    private volatile Executor containerDefault;

    /** For the container's client proxy only. */
    protected AsyncEventContext() {
    }

    @Inject
    AsyncEventContext(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    /**
     * @param event the undecorated event
     * @param payload the payload
     * @param options the application's options, or null
     * @param <U> the payload type
     * @return what the container's {@code fireAsync} returns
     */
    public <U> CompletionStage<U> fireAsync(Event<? super U> event, U payload, NotificationOptions options) {
        NotificationOptions carrying = Context.current() == Context.root() ? null : carrying(options);
        if (carrying != null) {
            return event.fireAsync(payload, carrying);
        }
        return options == null ? event.fireAsync(payload) : event.fireAsync(payload, options);
    }

    /** @return options that run each notification in the current context, or null where that cannot be done */
    private NotificationOptions carrying(NotificationOptions options) {
        try {
            Executor base = options != null && options.getExecutor() != null ? options.getExecutor() : containerDefault();
            if (base == null) {
                return null;
            }
            CarriedContext carried = CarriedContext.current();
            NotificationOptions.Builder carrying = NotificationOptions.builder().setExecutor(task -> base.execute(() -> {
                try (Scope ignored = carried.begin()) {
                    task.run();
                }
            }));
            if (options != null) {
                for (String key : WELD_OPTIONS) {
                    if (options.get(key) != null) {
                        carrying.set(key, options.get(key));
                    }
                }
            }
            return carrying.build();
        } catch (RuntimeException | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "otel-cdi: could not carry the trace context to asynchronous observers; events are "
                        + "fired as without otel-cdi, further failures are not logged", e);
            }
            return null;
        }
    }

    private Executor containerDefault() {
        Executor executor = containerDefault;
        if (executor == null) {
            // Looked up on a firing thread, where the application's naming context is; kept once found.
            executor = ObserverExecutors.containerDefault(beanManager);
            containerDefault = executor;
        }
        return executor;
    }
}
