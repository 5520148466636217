package io.github.otelcdi.cdi.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** When the deferred sender creates the real one, and what an export sees when that fails. */
class DeferredHttpSenderTest {

    private static final MessageWriter EMPTY = new MessageWriter() {
        @Override
        public void writeMessage(OutputStream output) {
        }

        @Override
        public int getContentLength() {
            return 0;
        }
    };

    private final AtomicInteger created = new AtomicInteger();
    private final List<MessageWriter> sent = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final AtomicInteger shutDown = new AtomicInteger();

    private HttpSender recording() {
        created.incrementAndGet();
        return new HttpSender() {
            @Override
            public void send(MessageWriter writer, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
                sent.add(writer);
            }

            @Override
            public CompletableResultCode shutdown() {
                shutDown.incrementAndGet();
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    @Test
    void createsTheSenderOnceWithTheFirstSend() {
        DeferredHttpSender sender = new DeferredHttpSender(this::recording);
        assertEquals(0, created.get());

        sender.send(EMPTY, response -> { }, errors::add);
        sender.send(EMPTY, response -> { }, errors::add);

        assertEquals(1, created.get());
        assertEquals(List.of(EMPTY, EMPTY), sent);
        assertTrue(sender.shutdown().isSuccess());
        assertEquals(1, shutDown.get(), "the created sender is shut down with it");
        assertEquals(List.of(), errors);
    }

    @Test
    void neverCreatesASenderThatWasNotNeeded() {
        DeferredHttpSender sender = new DeferredHttpSender(this::recording);
        assertTrue(sender.shutdown().isSuccess());

        sender.send(EMPTY, response -> { }, errors::add);

        assertEquals(0, created.get());
        assertEquals(1, errors.size(), "a send after shutdown fails as an export: " + errors);
    }

    @Test
    void aSenderThatCannotBeCreatedFailsTheExportAndIsTriedAgain() {
        IllegalStateException broken = new IllegalStateException("no TLS provider");
        AtomicInteger attempts = new AtomicInteger();
        DeferredHttpSender sender = new DeferredHttpSender(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw broken;
            }
            return recording();
        });

        sender.send(EMPTY, response -> { }, errors::add);
        sender.send(EMPTY, response -> { }, errors::add);

        assertEquals(1, errors.size());
        assertSame(broken, errors.get(0));
        assertEquals(List.of(EMPTY), sent, "the second export went out");
    }
}
