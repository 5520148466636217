package io.github.otelcdi.cdi.internal.concurrent;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;

/**
 * An event obtained from a decorated one through {@code select}: the container hands back its own,
 * undecorated event there, so this one keeps carrying the trace context to asynchronous observers.
 * Serializable as the container's events are (a bean of a passivating scope may keep one).
 *
 * @param <T> the event type
 */
final class ContextCarryingEvent<T> implements Event<T>, Serializable {

    private static final long serialVersionUID = 1L;

    private final Event<T> event;
    private final AsyncEventContext carrier;

    ContextCarryingEvent(Event<T> event, AsyncEventContext carrier) {
        this.event = event;
        this.carrier = carrier;
    }

    @Override
    public void fire(T payload) {
        event.fire(payload);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U payload) {
        return carrier.fireAsync(event, payload, null);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U payload, NotificationOptions options) {
        return carrier.fireAsync(event, payload, options);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        return new ContextCarryingEvent<>(event.select(qualifiers), carrier);
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        return new ContextCarryingEvent<>(event.select(subtype, qualifiers), carrier);
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        return new ContextCarryingEvent<>(event.select(subtype, qualifiers), carrier);
    }
}
