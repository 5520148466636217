package io.github.otelcdi.cdi.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.otelcdi.concurrent.TraceThreadContext;
import io.github.otelcdi.logging.CorrelationKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;

/**
 * The provider as a managed executor drives it (snapshot on the submitting thread, begin and end
 * on a pool thread), on a 2-thread pool: each task sees its submitter's span and ids, and the pool
 * threads keep nothing afterwards.
 */
class ConcurrencyContextProviderTest {

    private static final int TASKS = 200;

    private final ThreadContextProvider provider = ServiceLoader.load(ThreadContextProvider.class).findFirst().orElseThrow();

    @Test
    void registeredUnderItsType() {
        assertEquals(TraceThreadContext.TYPE, provider.getThreadContextType());
    }

    @Test
    void eachTaskRunsInItsSubmittersSpanAndThePoolKeepsNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> seen = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                SpanContext span = randomSpan();
                expected.add(span.getSpanId() + "/" + span.getTraceId());
                ThreadContextSnapshot snapshot;
                try (Scope current = Context.current().with(Span.wrap(span)).makeCurrent()) {
                    ThreadContext.put(CorrelationKeys.TRACE_ID, span.getTraceId());
                    snapshot = provider.currentContext(Map.of());
                } finally {
                    ThreadContext.remove(CorrelationKeys.TRACE_ID);
                }
                seen.add(pool.submit(() -> run(snapshot, () -> Span.current().getSpanContext().getSpanId()
                        + "/" + ThreadContext.get(CorrelationKeys.TRACE_ID))));
            }
            for (int i = 0; i < TASKS; i++) {
                assertEquals(expected.get(i), seen.get(i).get());
            }
            assertPoolThreadsClean(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClearedContextRunsWithoutSpanOrIdsAndPutsThePoolThreadsOwnBack() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SpanContext leftOver = randomSpan();
            pool.submit(() -> {
                Context.current().with(Span.wrap(leftOver)).makeCurrent();
                ThreadContext.put(CorrelationKeys.TRACE_ID, leftOver.getTraceId());
            }).get();
            ThreadContextSnapshot cleared;
            SpanContext submitter = randomSpan();
            try (Scope current = Context.current().with(Span.wrap(submitter)).makeCurrent()) {
                ThreadContext.put(CorrelationKeys.TRACE_ID, submitter.getTraceId());
                cleared = provider.clearedContext(Map.of());
            } finally {
                ThreadContext.remove(CorrelationKeys.TRACE_ID);
            }
            assertEquals("false/null", pool.submit(() -> run(cleared, () -> Span.current().getSpanContext().isValid()
                    + "/" + ThreadContext.get(CorrelationKeys.TRACE_ID))).get());
            assertEquals(leftOver.getSpanId() + "/" + leftOver.getTraceId(), pool.submit(() -> Span.current().getSpanContext().getSpanId()
                    + "/" + ThreadContext.get(CorrelationKeys.TRACE_ID)).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idsGoToTheLogsOnlyWhereTheSubmittersLinesCarriedThem() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ThreadContextSnapshot uncorrelated;
            try (Scope current = Context.current().with(Span.wrap(randomSpan())).makeCurrent()) {
                uncorrelated = provider.currentContext(Map.of());
            }
            assertEquals("true/null", pool.submit(() -> run(uncorrelated, () -> Span.current().getSpanContext().isValid()
                    + "/" + ThreadContext.get(CorrelationKeys.TRACE_ID))).get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String run(ThreadContextSnapshot snapshot, java.util.function.Supplier<String> task) {
        ThreadContextRestorer restorer = snapshot.begin();
        try {
            return task.get();
        } finally {
            restorer.endContext();
        }
    }

    private static void assertPoolThreadsClean(ExecutorService pool) throws Exception {
        List<Future<String>> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add(pool.submit(() -> (Context.current() == Context.root()) + "/" + ThreadContext.get(CorrelationKeys.TRACE_ID)));
        }
        for (Future<String> probe : probes) {
            assertEquals("true/null", probe.get(), "a pool thread's context and ids after the tasks");
        }
    }

    private static SpanContext randomSpan() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return SpanContext.create(String.format("%016x%016x", random.nextLong(1, Long.MAX_VALUE), random.nextLong()),
                String.format("%016x", random.nextLong(1, Long.MAX_VALUE)), TraceFlags.getSampled(), TraceState.getDefault());
    }
}
