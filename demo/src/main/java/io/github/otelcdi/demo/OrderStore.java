package io.github.otelcdi.demo;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps orders in memory; its lookups show up as INTERNAL child spans made with the injected Tracer. */
@ApplicationScoped
public class OrderStore {

    private final Map<Long, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);

    @Inject
    Tracer tracer;

    public OrderStore() {
        orders.put(42L, new Order(42, "coffee beans", 2));
    }

    Optional<Order> find(long id) {
        Span span = tracer.spanBuilder("OrderStore.find").setAttribute("order.id", id).startSpan();
        try {
            return Optional.ofNullable(orders.get(id));
        } finally {
            span.end();
        }
    }

    Order create(String item, int quantity) {
        Order order = new Order(ids.incrementAndGet(), item, quantity);
        orders.put(order.id(), order);
        return order;
    }
}
