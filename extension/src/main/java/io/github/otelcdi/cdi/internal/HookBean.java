package io.github.otelcdi.cdi.internal;

/**
 * A hook found among the application's beans.
 *
 * @param beanClass the bean's class name, to name it in the log (the reference may be a proxy)
 * @param reference the contextual reference to call
 * @param <T> the hook type
 */
public record HookBean<T>(String beanClass, T reference) {
}
