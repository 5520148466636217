package io.github.otelcdi.cdi.internal.logging;

import static io.github.otelcdi.logging.CorrelationKeys.SPAN_ID;
import static io.github.otelcdi.logging.CorrelationKeys.TRACE_FLAGS;
import static io.github.otelcdi.logging.CorrelationKeys.TRACE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ids go into the real frameworks' maps on the test class path (JBoss Logging's MDC on its JDK
 * backend, Log4j's ThreadContext) and whatever the thread showed before comes back.
 */
class LogCorrelationTest {

    private static final SpanContext SPAN = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
            TraceFlags.getSampled(), TraceState.getDefault());
    private static final SpanContext INNER = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7",
            TraceFlags.getSampled(), TraceState.getDefault());

    private final List<String> closed = new ArrayList<>();
    private final LogCorrelation correlation = LogCorrelation.detect(true);

    @AfterEach
    void clear() {
        MDC.clear();
        ThreadContext.clearMap();
    }

    @Test
    void idsAreShownWhileTheScopeIsOpenAndRemovedAfter() {
        Scope scope = correlation.attach(SPAN, () -> closed.add("span"));
        assertShows(SPAN.getTraceId(), SPAN.getSpanId(), "01");

        scope.close();
        assertShows(null, null, null);
        assertEquals(List.of("span"), closed, "the span's own scope is closed with it");
    }

    @Test
    void whatTheThreadShowedBeforeComesBackAlsoWhenOnlySomeKeysWereSet() {
        MDC.put(TRACE_ID, "outer-trace");
        ThreadContext.put(TRACE_ID, "outer-trace");

        Scope scope = correlation.attach(SPAN, () -> closed.add("span"));
        assertShows(SPAN.getTraceId(), SPAN.getSpanId(), "01");

        scope.close();
        assertEquals("outer-trace", MDC.get(TRACE_ID));
        assertEquals("outer-trace", ThreadContext.get(TRACE_ID));
        assertNull(MDC.get(SPAN_ID), "a key the thread did not show before is removed");
        assertNull(ThreadContext.get(SPAN_ID));
        assertNull(MDC.get(TRACE_FLAGS));
    }

    @Test
    void nestedScopesRestoreTheOuterSpan() {
        Scope outer = correlation.attach(SPAN, () -> closed.add("outer"));
        Scope inner = correlation.attach(INNER, () -> closed.add("inner"));
        assertShows(INNER.getTraceId(), INNER.getSpanId(), "01");

        inner.close();
        assertShows(SPAN.getTraceId(), SPAN.getSpanId(), "01");
        outer.close();
        assertShows(null, null, null);
        assertEquals(List.of("inner", "outer"), closed);
    }

    @Test
    void detachHidesTheIdsUntilItsScopeCloses() {
        Scope span = correlation.attach(SPAN, () -> { });
        Scope detached = correlation.detach(() -> closed.add("task"));
        assertShows(null, null, null);

        detached.close();
        assertShows(SPAN.getTraceId(), SPAN.getSpanId(), "01");
        span.close();
    }

    @Test
    void anInvalidSpanOrSwitchedOffCorrelationChangesNothing() {
        Scope scope = () -> { };
        assertSame(scope, correlation.attach(SpanContext.getInvalid(), scope));
        assertSame(scope, LogCorrelation.detect(false).attach(SPAN, scope));
        assertShows(null, null, null);
    }

    private static void assertShows(String traceId, String spanId, String flags) {
        assertEquals(traceId, MDC.get(TRACE_ID), "JBoss Logging's trace_id");
        assertEquals(spanId, MDC.get(SPAN_ID), "JBoss Logging's span_id");
        assertEquals(flags, MDC.get(TRACE_FLAGS), "JBoss Logging's trace_flags");
        assertEquals(traceId, ThreadContext.get(TRACE_ID), "Log4j's trace_id");
        assertEquals(spanId, ThreadContext.get(SPAN_ID), "Log4j's span_id");
    }
}
