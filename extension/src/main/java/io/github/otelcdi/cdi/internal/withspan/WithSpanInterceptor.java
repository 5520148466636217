package io.github.otelcdi.cdi.internal.withspan;

import io.github.otelcdi.cdi.internal.TelemetryRuntime;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * A span around every {@code @WithSpan} method of a CDI bean: current while the method runs, ended
 * when it returns, when it throws (status ERROR, exception recorded, the exception unchanged), or,
 * for a {@code CompletionStage}, when the stage completes.
 */
@WithSpanBinding
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class WithSpanInterceptor {

    private final TelemetryRuntime runtime;
    private volatile WithSpanTelemetry telemetry;

    @Inject
    WithSpanInterceptor(TelemetryRuntime runtime) {
        this.runtime = runtime;
    }

    @AroundInvoke
    Object trace(InvocationContext invocation) throws Exception {
        if (!runtime.enabled() || runtime.agentTracesWithSpan()) {
            return invocation.proceed();
        }
        WithSpanTelemetry telemetry = telemetry();
        Instrumenter<MethodCall, Object> instrumenter = telemetry.instrumenter();
        MethodCall call = new MethodCall(telemetry.method(invocation.getMethod()), invocation.getParameters());
        Context parent = call.span().inheritContext() ? Context.current() : Context.root();
        if (!instrumenter.shouldStart(parent, call)) {
            return invocation.proceed();
        }
        Context context = instrumenter.start(parent, call);
        Object result;
        try (Scope ignored = context.makeCurrent()) {
            result = invocation.proceed();
        } catch (Throwable failure) {
            instrumenter.end(context, call, null, failure);
            throw failure;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, failure) -> instrumenter.end(context, call, value, unwrap(failure)));
        } else {
            instrumenter.end(context, call, result, null);
        }
        return result;
    }

    private WithSpanTelemetry telemetry() {
        WithSpanTelemetry current = telemetry;
        if (current == null) {
            current = runtime.shared(WithSpanTelemetry.class, () -> new WithSpanTelemetry(runtime.openTelemetry()));
            telemetry = current;
        }
        return current;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
