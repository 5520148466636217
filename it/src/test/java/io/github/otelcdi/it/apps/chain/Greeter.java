package io.github.otelcdi.it.apps.chain;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A CDI bean with {@code @WithSpan} methods. */
@ApplicationScoped
public class Greeter {

    @WithSpan
    public String greet(@SpanAttribute("person") String name, @SpanAttribute("times") int times) {
        return ("hello " + name + " ").repeat(times).trim();
    }

    @WithSpan("custom-name")
    public String fail() {
        throw new IllegalStateException("greeter is broken");
    }

    @WithSpan(kind = SpanKind.PRODUCER)
    public CompletionStage<String> later(@SpanAttribute("delay") long delay) {
        return CompletableFuture.supplyAsync(() -> "later", CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
    }
}
