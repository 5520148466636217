/**
 * Hooks: CDI beans that add to otel-cdi's spans. Implement one of these interfaces on a bean of any
 * scope ({@code @ApplicationScoped}, {@code @RequestScoped}, {@code @Dependent}); it can inject
 * anything. Several hooks of a kind run in {@code jakarta.annotation.Priority} order (lowest first;
 * without the annotation, priority 2500). A hook that throws is isolated: the request is served
 * as if it had returned, the span still ends, the other hooks still run, and the failure is logged
 * once per hook class. While a hook runs, its span is also {@code Span.current()}.
 */
package io.github.otelcdi.jaxrs;
