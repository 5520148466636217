package io.github.otelcdi.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A span exporter that hands each batch to a function of the test's: for counting or checking spans
 * as they are exported (an exporter provider of the test's own returns one), where
 * {@link RecordedTelemetry} keeping them all is not what the test needs. The export succeeds; a
 * function that throws makes it throw, as a broken exporter would. Flushing has nothing to do.
 */
public final class CallbackSpanExporter implements SpanExporter {

    private final Consumer<Collection<SpanData>> onExport;
    private final Runnable onShutdown;

    private CallbackSpanExporter(Consumer<Collection<SpanData>> onExport, Runnable onShutdown) {
        this.onExport = Objects.requireNonNull(onExport, "onExport");
        this.onShutdown = Objects.requireNonNull(onShutdown, "onShutdown");
    }

    /**
     * @param onExport given each batch of ended spans
     * @return the exporter
     */
    public static CallbackSpanExporter of(Consumer<Collection<SpanData>> onExport) {
        return of(onExport, () -> { });
    }

    /**
     * @param onExport given each batch of ended spans
     * @param onShutdown run when the SDK shuts the exporter down
     * @return the exporter
     */
    public static CallbackSpanExporter of(Consumer<Collection<SpanData>> onExport, Runnable onShutdown) {
        return new CallbackSpanExporter(onExport, onShutdown);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        onExport.accept(spans);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        onShutdown.run();
        return CompletableResultCode.ofSuccess();
    }
}
