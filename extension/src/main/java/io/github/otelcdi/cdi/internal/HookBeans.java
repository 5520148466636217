package io.github.otelcdi.cdi.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds the beans implementing a hook interface, whatever their scope, in {@code @Priority} order.
 * References are looked up once: a normal-scoped hook ({@code @RequestScoped}) is a client proxy
 * that reaches the instance of the current request; a {@code @Dependent} one lives as long as the
 * application and is destroyed with it.
 */
final class HookBeans {

    /** As for CDI observers: a hook without {@code @Priority} runs after the ones that say they come early. */
    static final int DEFAULT_PRIORITY = Interceptor.Priority.APPLICATION + 500;

    private final BeanManager beanManager;
    private final List<Bean<?>> candidates;
    private final List<CreationalContext<?>> created = new CopyOnWriteArrayList<>();

    HookBeans(BeanManager beanManager, List<Bean<?>> candidates) {
        this.beanManager = beanManager;
        this.candidates = candidates;
    }

    <T> List<HookBean<T>> of(Class<T> type) {
        List<Bean<?>> beans = new ArrayList<>();
        for (Bean<?> bean : candidates) {
            if (bean.getTypes().contains(type)) {
                beans.add(bean);
            }
        }
        beans.sort(Comparator.comparingInt(HookBeans::priority).thenComparing(bean -> bean.getBeanClass().getName()));
        List<HookBean<T>> hooks = new ArrayList<>(beans.size());
        for (Bean<?> bean : beans) {
            CreationalContext<?> context = beanManager.createCreationalContext(bean);
            created.add(context);
            hooks.add(new HookBean<>(bean.getBeanClass().getName(), type.cast(beanManager.getReference(bean, type, context))));
        }
        return List.copyOf(hooks);
    }

    private static int priority(Bean<?> bean) {
        Priority priority = bean.getBeanClass().getAnnotation(Priority.class);
        return priority != null ? priority.value() : DEFAULT_PRIORITY;
    }

    /** Destroys the {@code @Dependent} hook instances. */
    void release() {
        for (CreationalContext<?> context : created) {
            context.release();
        }
        created.clear();
    }
}
