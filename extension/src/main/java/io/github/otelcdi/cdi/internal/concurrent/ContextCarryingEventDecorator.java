package io.github.otelcdi.cdi.internal.concurrent;

import jakarta.annotation.Priority;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;

/**
 * Decorates the container's {@code Event} so that {@code fireAsync} carries the firing thread's
 * trace context to the observers ({@link AsyncEventContext}); {@code fire} is left to the container
 * untouched. Made a decorator by the extension (no {@code @Decorator} here: a server scanning the
 * bundle as an implicit bean archive would find it a second time). Serializable, as decorators of
 * the built-in {@code Event} must be.
 *
 * @param <T> the event type
 */
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public abstract class ContextCarryingEventDecorator<T> implements Event<T>, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    @Delegate
    @Any
    Event<T> delegate;

    @Inject
    AsyncEventContext carrier;

    // Made on first use: a decorator instance may come back from serialization without it.
    private transient volatile ContextCarryingEvent<T> carrying;

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U payload) {
        return carrying().fireAsync(payload);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U payload, NotificationOptions options) {
        return carrying().fireAsync(payload, options);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        return carrying().select(qualifiers);
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        return carrying().select(subtype, qualifiers);
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        return carrying().select(subtype, qualifiers);
    }

    private ContextCarryingEvent<T> carrying() {
        ContextCarryingEvent<T> event = carrying;
        if (event == null) {
            event = new ContextCarryingEvent<>(delegate, carrier);
            carrying = event;
        }
        return event;
    }
}
