package io.github.otelcdi.testing.internal;

import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Copies of exported spans that hold nothing of the SDK that made them: the SDK's own span data
 * reaches its span, processor and exporter, and through them the application's class loader (and
 * an exception event its exception), which a store outliving the application must not keep.
 */
public final class DetachedSpans {

    private DetachedSpans() {
    }

    /**
     * @param spans spans as the SDK exported them
     * @return equal data, immutable, detached
     */
    public static List<SpanData> copy(Collection<SpanData> spans) {
        List<SpanData> copies = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            copies.add(copy(span));
        }
        return copies;
    }

    private static SpanData copy(SpanData span) {
        List<EventData> events = new ArrayList<>(span.getEvents().size());
        for (EventData event : span.getEvents()) {
            events.add(EventData.create(event.getEpochNanos(), event.getName(), event.getAttributes(), event.getTotalAttributeCount()));
        }
        return TestSpanData.builder()
                .setSpanContext(span.getSpanContext())
                .setParentSpanContext(span.getParentSpanContext())
                .setResource(span.getResource())
                .setInstrumentationScopeInfo(span.getInstrumentationScopeInfo())
                .setName(span.getName())
                .setKind(span.getKind())
                .setStartEpochNanos(span.getStartEpochNanos())
                .setEndEpochNanos(span.getEndEpochNanos())
                .setAttributes(span.getAttributes())
                .setEvents(events)
                .setLinks(span.getLinks())
                .setStatus(span.getStatus())
                .setHasEnded(span.hasEnded())
                .setTotalRecordedEvents(span.getTotalRecordedEvents())
                .setTotalRecordedLinks(span.getTotalRecordedLinks())
                .setTotalAttributeCount(span.getTotalAttributeCount())
                .build();
    }
}
