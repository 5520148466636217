package io.github.otelcdi.cdi.internal;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntry;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.function.BiConsumer;

/** The injectable {@link Baggage}: every call reads {@link Baggage#current()} at the moment of the call. */
final class CurrentBaggage implements Baggage {

    @Override
    public int size() {
        return Baggage.current().size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super BaggageEntry> consumer) {
        Baggage.current().forEach(consumer);
    }

    @Override
    public Map<String, BaggageEntry> asMap() {
        return Baggage.current().asMap();
    }

    @Override
    public String getEntryValue(String entryKey) {
        return Baggage.current().getEntryValue(entryKey);
    }

    @Override
    public BaggageEntry getEntry(String entryKey) {
        return Baggage.current().getEntry(entryKey);
    }

    @Override
    public BaggageBuilder toBuilder() {
        return Baggage.current().toBuilder();
    }

    @Override
    public Context storeInContext(Context context) {
        return Baggage.current().storeInContext(context);
    }

    @Override
    public String toString() {
        return "CurrentBaggage[" + Baggage.current() + "]";
    }
}
