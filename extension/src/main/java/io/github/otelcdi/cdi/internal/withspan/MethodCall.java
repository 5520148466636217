package io.github.otelcdi.cdi.internal.withspan;

/** One call of a {@code @WithSpan} method: the instrumenter's request. */
record MethodCall(MethodSpan span, Object[] arguments) {
}
