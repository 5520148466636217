package io.github.otelcdi.bundle;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link BundleExportIT} in a JVM whose class path is the bundle and this class only: builds the
 * SDK from the {@code otel.*} system properties, ends one span named by the argument and flushes it.
 * Exits 0 when the flush completed in time; whether the span arrived, only the receiver can tell.
 */
public final class BundleExportDriver {

    /** How long the flush may take. */
    static final int FLUSH_SECONDS = 30;

    private BundleExportDriver() {
    }

    public static void main(String[] args) {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build()
                .getOpenTelemetrySdk();
        sdk.getTracer(BundleExportDriver.class.getName()).spanBuilder(args[0]).startSpan().end();
        CompletableResultCode flushed = sdk.getSdkTracerProvider().forceFlush().join(FLUSH_SECONDS, TimeUnit.SECONDS);
        sdk.shutdown().join(10, TimeUnit.SECONDS);
        System.exit(flushed.isSuccess() ? 0 : 3);
    }
}
