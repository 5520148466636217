package io.github.otelcdi.it.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Each test starts from nothing captured: what earlier tests still export is waited out and dropped. */
public final class QuietTelemetry implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        CapturedSpans.clearWhenQuiet();
        CapturedMetrics.clear();
        CapturedLogs.clear();
    }
}
