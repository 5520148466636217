/**
 * The trace context as a thread context type of the platform's concurrency utilities: tasks handed
 * to managed executors, contextual proxies and {@code @Asynchronous} methods run in the trace of the
 * code that submitted them.
 */
package io.github.otelcdi.concurrent;
