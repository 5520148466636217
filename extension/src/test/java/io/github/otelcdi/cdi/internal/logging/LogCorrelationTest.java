package io.github.otelcdi.cdi.internal.logging;

import static io.github.otelcdi.logging.CorrelationKeys.SPAN_ID;
import static io.github.otelcdi.logging.CorrelationKeys.TRACE_FLAGS;
import static io.github.otelcdi.logging.CorrelationKeys.TRACE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ids go into the frameworks' maps and whatever the thread showed before comes back. On this
 * class path JBoss Logging's MDC is a view of Log4j's ThreadContext (JBoss Logging picks Log4j 2 as
 * its backend), as all frameworks' maps are views of one MDC on WildFly; maps with stores of their
 * own are plain maps per thread here.
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

    @Test
    void frameworksSharingOneStoreAreWrittenOnce() {
        assertEquals(2, LogCorrelation.detect(true).maps(), "SLF4J's, which keeps nothing without a provider, and one for "
                + "JBoss Logging's MDC and Log4j's ThreadContext, which are one store here");
        Map<String, String> store = new HashMap<>();
        assertEquals(1, LogCorrelation.of(List.of(new StoreView(store), new StoreView(store))).maps());
        assertEquals(2, LogCorrelation.of(List.of(new StoreView(store), new StoreView(new HashMap<>()))).maps());
        assertTrue(store.isEmpty(), "the check leaves nothing behind: " + store);
    }

    @Test
    void separateStoresEachGetTheIdsAndEachGetsItsOwnPreviousValuesBack() {
        Map<String, String> first = new HashMap<>();
        Map<String, String> second = new HashMap<>(Map.of(SPAN_ID, "outer-span"));
        LogCorrelation separate = LogCorrelation.of(List.of(new StoreView(first), new StoreView(second)));
        assertEquals(2, separate.maps());

        Scope outer = separate.attach(SPAN, () -> closed.add("outer"));
        Scope inner = separate.attach(INNER, () -> closed.add("inner"));
        assertEquals(Map.of(TRACE_ID, INNER.getTraceId(), SPAN_ID, INNER.getSpanId(), TRACE_FLAGS, "01"), first);
        assertEquals(first, second);

        inner.close();
        assertEquals(SPAN.getSpanId(), first.get(SPAN_ID));
        assertEquals(SPAN.getSpanId(), second.get(SPAN_ID));
        outer.close();
        assertEquals(Map.of(), first, "nothing was shown before");
        assertEquals(Map.of(SPAN_ID, "outer-span"), second, "what was shown before is back");
        assertEquals(List.of("inner", "outer"), closed);
    }

    /** A thread's context map that is one view of a store. */
    private record StoreView(Map<String, String> store) implements ContextMap {
        @Override
        public String get(String key) {
            return store.get(key);
        }

        @Override
        public void put(String key, String value) {
            store.put(key, value);
        }

        @Override
        public void remove(String key) {
            store.remove(key);
        }
    }

    private static void assertShows(String traceId, String spanId, String flags) {
        assertEquals(traceId, MDC.get(TRACE_ID), "JBoss Logging's trace_id");
        assertEquals(spanId, MDC.get(SPAN_ID), "JBoss Logging's span_id");
        assertEquals(flags, MDC.get(TRACE_FLAGS), "JBoss Logging's trace_flags");
        assertEquals(traceId, ThreadContext.get(TRACE_ID), "Log4j's trace_id");
        assertEquals(spanId, ThreadContext.get(SPAN_ID), "Log4j's span_id");
    }
}
