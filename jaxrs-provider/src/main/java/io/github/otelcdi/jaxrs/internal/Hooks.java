package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.cdi.internal.HookBean;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;

/**
 * The application's hooks of one kind, in priority order, each isolated from the request and from
 * the others. With no hook declared, running them is one length check.
 *
 * @param <T> the hook interface
 */
public final class Hooks<T> {

    /**
     * How a hook of kind {@code T} is called; implementations are non-capturing lambdas, so a call
     * allocates nothing.
     *
     * @param <T> the hook interface
     * @param <A> the first argument after the span
     * @param <B> the second argument after the span
     */
    @FunctionalInterface
    public interface Call<T, A, B> {
        /**
         * @param hook the hook
         * @param span the span it is given
         * @param first the request
         * @param second the response, when the hook takes one
         */
        void run(T hook, Span span, A first, B second);
    }

    private final Object[] hooks;
    private final String[] sites;
    private final FailureLog failures;

    /**
     * @param beans the hooks, in the order they run
     * @param kind what they are, for the log, e.g. "server request hook"
     * @param failures where a throwing hook is reported, once per hook class
     */
    public Hooks(List<HookBean<T>> beans, String kind, FailureLog failures) {
        this.hooks = new Object[beans.size()];
        this.sites = new String[beans.size()];
        for (int i = 0; i < hooks.length; i++) {
            hooks[i] = beans.get(i).reference();
            sites[i] = "running the " + kind + " " + beans.get(i).beanClass();
        }
        this.failures = failures;
    }

    /**
     * Runs every hook with the span of {@code context}, which is current meanwhile.
     *
     * @param context the context holding the span
     * @param call how to call one hook
     * @param first the first argument after the span
     * @param second the second argument after the span
     * @param <A> the type of the first argument
     * @param <B> the type of the second argument
     */
    @SuppressWarnings("unchecked")
    public <A, B> void run(Context context, Call<T, A, B> call, A first, B second) {
        if (hooks.length == 0) {
            return;
        }
        Span span = Span.fromContext(context);
        try (Scope ignored = context.makeCurrent()) {
            for (int i = 0; i < hooks.length; i++) {
                try {
                    call.run((T) hooks[i], span, first, second);
                } catch (VirtualMachineError fatal) {
                    throw fatal;
                } catch (Throwable failure) {
                    // A hook is application code; whatever it throws must not reach the request.
                    failures.report(sites[i], failure);
                }
            }
        }
    }
}
