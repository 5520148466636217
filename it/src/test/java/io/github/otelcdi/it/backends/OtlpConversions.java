package io.github.otelcdi.it.backends;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns what arrived over OTLP back into the SDK's data types, so tests read spans and log records
 * sent by an application in another JVM (an application server) exactly as they would read those of
 * an in-memory exporter, and assert on them with the SDK's own types.
 */
public final class OtlpConversions {

    // OTLP span flags: the low byte holds the W3C trace flags, these two say whether the parent was remote.
    private static final int HAS_IS_REMOTE = 0x100;
    private static final int IS_REMOTE = 0x200;
    private static final HexFormat HEX = HexFormat.of();

    private OtlpConversions() {
    }

    /** @return the span as the SDK's {@link SpanData} */
    public static SpanData span(io.opentelemetry.proto.resource.v1.Resource resource, InstrumentationScope scope, Span span) {
        String traceId = HEX.formatHex(span.getTraceId().toByteArray());
        TraceState traceState = traceState(span.getTraceState());
        SpanContext context = SpanContext.create(traceId, HEX.formatHex(span.getSpanId().toByteArray()),
                TraceFlags.fromByte((byte) (span.getFlags() & 0xff)), traceState);
        SpanContext parent = SpanContext.getInvalid();
        if (!span.getParentSpanId().isEmpty()) {
            String parentId = HEX.formatHex(span.getParentSpanId().toByteArray());
            boolean remote = (span.getFlags() & HAS_IS_REMOTE) != 0 && (span.getFlags() & IS_REMOTE) != 0;
            parent = remote ? SpanContext.createFromRemoteParent(traceId, parentId, TraceFlags.getSampled(), TraceState.getDefault())
                    : SpanContext.create(traceId, parentId, TraceFlags.getSampled(), TraceState.getDefault());
        }
        List<EventData> events = new ArrayList<>();
        for (Span.Event event : span.getEventsList()) {
            events.add(EventData.create(event.getTimeUnixNano(), event.getName(), attributes(event.getAttributesList())));
        }
        List<LinkData> links = new ArrayList<>();
        for (Span.Link link : span.getLinksList()) {
            boolean remote = (link.getFlags() & HAS_IS_REMOTE) == 0 || (link.getFlags() & IS_REMOTE) != 0;
            String linkedTrace = HEX.formatHex(link.getTraceId().toByteArray());
            String linkedSpan = HEX.formatHex(link.getSpanId().toByteArray());
            TraceFlags flags = TraceFlags.fromByte((byte) (link.getFlags() & 0xff));
            links.add(LinkData.create(remote
                    ? SpanContext.createFromRemoteParent(linkedTrace, linkedSpan, flags, traceState(link.getTraceState()))
                    : SpanContext.create(linkedTrace, linkedSpan, flags, traceState(link.getTraceState())),
                    attributes(link.getAttributesList())));
        }
        return TestSpanData.builder()
                .setSpanContext(context)
                .setParentSpanContext(parent)
                .setResource(resource(resource))
                .setInstrumentationScopeInfo(scope(scope))
                .setName(span.getName())
                .setKind(kind(span.getKind()))
                .setStartEpochNanos(span.getStartTimeUnixNano())
                .setEndEpochNanos(span.getEndTimeUnixNano())
                .setAttributes(attributes(span.getAttributesList()))
                .setEvents(events)
                .setLinks(links)
                .setStatus(status(span.getStatus()))
                .setHasEnded(true)
                .setTotalRecordedEvents(events.size() + span.getDroppedEventsCount())
                .setTotalRecordedLinks(links.size() + span.getDroppedLinksCount())
                .setTotalAttributeCount(span.getAttributesCount() + span.getDroppedAttributesCount())
                .build();
    }

    /** @return the log record as the SDK's {@link LogRecordData} */
    public static LogRecordData log(io.opentelemetry.proto.resource.v1.Resource resource, InstrumentationScope scope, LogRecord log) {
        SpanContext context = log.getTraceId().isEmpty() ? SpanContext.getInvalid()
                : SpanContext.create(HEX.formatHex(log.getTraceId().toByteArray()), HEX.formatHex(log.getSpanId().toByteArray()),
                        TraceFlags.fromByte((byte) (log.getFlags() & 0xff)), TraceState.getDefault());
        TestLogRecordData.Builder builder = TestLogRecordData.builder()
                .setResource(resource(resource))
                .setInstrumentationScopeInfo(scope(scope))
                .setTimestamp(log.getTimeUnixNano(), TimeUnit.NANOSECONDS)
                .setObservedTimestamp(log.getObservedTimeUnixNano(), TimeUnit.NANOSECONDS)
                .setSpanContext(context)
                .setSeverity(Severity.values()[Math.min(log.getSeverityNumberValue(), Severity.values().length - 1)])
                .setSeverityText(log.getSeverityText())
                .setAttributes(attributes(log.getAttributesList()))
                .setTotalAttributeCount(log.getAttributesCount() + log.getDroppedAttributesCount());
        if (log.hasBody()) {
            builder.setBodyValue(Value.of(text(log.getBody())));
        }
        return builder.build();
    }

    /** @return the resource with its attributes */
    public static Resource resource(io.opentelemetry.proto.resource.v1.Resource resource) {
        return Resource.create(attributes(resource.getAttributesList()));
    }

    /** @return the attributes, typed as they were sent */
    public static Attributes attributes(List<KeyValue> values) {
        AttributesBuilder attributes = Attributes.builder();
        for (KeyValue value : values) {
            put(attributes, value.getKey(), value.getValue());
        }
        return attributes.build();
    }

    private static void put(AttributesBuilder attributes, String key, AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE -> attributes.put(AttributeKey.stringKey(key), value.getStringValue());
            case INT_VALUE -> attributes.put(AttributeKey.longKey(key), value.getIntValue());
            case DOUBLE_VALUE -> attributes.put(AttributeKey.doubleKey(key), value.getDoubleValue());
            case BOOL_VALUE -> attributes.put(AttributeKey.booleanKey(key), value.getBoolValue());
            case ARRAY_VALUE -> putArray(attributes, key, value.getArrayValue().getValuesList());
            default -> attributes.put(AttributeKey.stringKey(key), value.toString());
        }
    }

    private static void putArray(AttributesBuilder attributes, String key, List<AnyValue> values) {
        AnyValue.ValueCase type = values.isEmpty() ? AnyValue.ValueCase.STRING_VALUE : values.get(0).getValueCase();
        switch (type) {
            case INT_VALUE -> attributes.put(AttributeKey.longArrayKey(key), values.stream().map(AnyValue::getIntValue).toList());
            case DOUBLE_VALUE -> attributes.put(AttributeKey.doubleArrayKey(key), values.stream().map(AnyValue::getDoubleValue).toList());
            case BOOL_VALUE -> attributes.put(AttributeKey.booleanArrayKey(key), values.stream().map(AnyValue::getBoolValue).toList());
            default -> attributes.put(AttributeKey.stringArrayKey(key), values.stream().map(OtlpConversions::text).toList());
        }
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.toString();
        };
    }

    private static InstrumentationScopeInfo scope(InstrumentationScope scope) {
        return InstrumentationScopeInfo.builder(scope.getName())
                .setVersion(scope.getVersion().isEmpty() ? null : scope.getVersion())
                .setAttributes(attributes(scope.getAttributesList()))
                .build();
    }

    private static TraceState traceState(String header) {
        if (header.isEmpty()) {
            return TraceState.getDefault();
        }
        var builder = TraceState.builder();
        for (String member : header.split(",")) {
            int equals = member.indexOf('=');
            if (equals > 0) {
                builder.put(member.substring(0, equals).trim(), member.substring(equals + 1).trim());
            }
        }
        return builder.build();
    }

    private static SpanKind kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> SpanKind.SERVER;
            case SPAN_KIND_CLIENT -> SpanKind.CLIENT;
            case SPAN_KIND_PRODUCER -> SpanKind.PRODUCER;
            case SPAN_KIND_CONSUMER -> SpanKind.CONSUMER;
            default -> SpanKind.INTERNAL;
        };
    }

    private static StatusData status(io.opentelemetry.proto.trace.v1.Status status) {
        return switch (status.getCode()) {
            case STATUS_CODE_ERROR -> StatusData.create(StatusCode.ERROR, status.getMessage());
            case STATUS_CODE_OK -> StatusData.ok();
            default -> StatusData.unset();
        };
    }
}
