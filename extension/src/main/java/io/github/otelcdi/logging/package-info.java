/**
 * Log correlation for {@code java.util.logging}: {@link io.github.otelcdi.logging.TraceContextFormatter}
 * writes the current span's ids on every line.
 */
package io.github.otelcdi.logging;
