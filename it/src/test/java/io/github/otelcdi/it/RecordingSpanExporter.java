package io.github.otelcdi.it;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** Hands exported spans to {@link CapturedSpans}, tagged with the class loader of the provider that made it. */
public final class RecordingSpanExporter implements SpanExporter {

    private final ClassLoader providerLoader;

    public RecordingSpanExporter(ClassLoader providerLoader) {
        this.providerLoader = providerLoader;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        spans.forEach(span -> CapturedSpans.add(span, providerLoader));
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
