package io.github.otelcdi.cdi.internal.logging;

import io.opentelemetry.api.logs.Severity;
import java.util.logging.Level;

/** JUL levels on OpenTelemetry's severity numbers, by threshold, so custom levels land between. */
final class JulSeverity {

    private JulSeverity() {
    }

    static Severity of(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return Severity.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return Severity.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return Severity.INFO;
        }
        if (value >= Level.CONFIG.intValue()) {
            return Severity.DEBUG4;
        }
        if (value >= Level.FINE.intValue()) {
            return Severity.DEBUG;
        }
        if (value >= Level.FINER.intValue()) {
            return Severity.TRACE4;
        }
        return Severity.TRACE;
    }
}
