package io.github.otelcdi.cdi.internal.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An HTTP sender created on the first send, on the exporting thread. One that was never needed is
 * never created, so shutting it down has nothing to close.
 */
final class DeferredHttpSender implements HttpSender {

    private final Supplier<HttpSender> factory;
    private HttpSender created;
    private boolean shutDown;

    /** @param factory creates the real sender; called at most once, unless it fails */
    DeferredHttpSender(Supplier<HttpSender> factory) {
        this.factory = factory;
    }

    @Override
    public void send(MessageWriter writer, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
        HttpSender sender;
        try {
            sender = sender();
        } catch (RuntimeException | LinkageError e) {
            // The exporter reports it as a failed export, as it would any send that fails; the next
            // batch tries again.
            onError.accept(e);
            return;
        }
        if (sender == null) {
            onError.accept(new IllegalStateException("the OTLP exporter is shut down"));
            return;
        }
        sender.send(writer, onResponse, onError);
    }

    private synchronized HttpSender sender() {
        if (created == null && !shutDown) {
            created = factory.get();
        }
        return created;
    }

    @Override
    public CompletableResultCode shutdown() {
        HttpSender sender;
        synchronized (this) {
            shutDown = true;
            sender = created;
        }
        return sender == null ? CompletableResultCode.ofSuccess() : sender.shutdown();
    }
}
