package io.github.otelcdi.cdi.internal.logging;

import static io.github.otelcdi.logging.CorrelationKeys.SPAN_ID;
import static io.github.otelcdi.logging.CorrelationKeys.TRACE_FLAGS;
import static io.github.otelcdi.logging.CorrelationKeys.TRACE_ID;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts a span's ids into the logging frameworks' context maps (SLF4J's MDC, Log4j 2's
 * ThreadContext, JBoss Logging's MDC) for as long as the span is current on the thread, and takes them out again:
 * whatever the thread was showing before comes back, so nothing leaks onto the next request a
 * pooled thread serves. The frameworks are found once, at start-up; an application without them
 * pays one array length check per request.
 */
public final class LogCorrelation {

    private static final Logger LOG = Logger.getLogger(LogCorrelation.class.getName());
    private static final LogCorrelation NONE = new LogCorrelation(new ContextMap[0]);
    private static final String SHARED_STORE_PROBE = "otel-cdi.shared-store-probe";

    private final ContextMap[] maps;
    private final AtomicBoolean warned = new AtomicBoolean();

    private LogCorrelation(ContextMap[] maps) {
        this.maps = maps;
    }

    /**
     * @param found the context maps of the frameworks present
     * @return a correlation writing to each distinct store once: on WildFly the frameworks' maps are
     *         all views of the log manager's one MDC, and writing the ids there three times would
     *         cost every request six map operations and make each write see the previous one's value
     */
    static LogCorrelation of(List<ContextMap> found) {
        List<ContextMap> distinct = new ArrayList<>();
        for (ContextMap map : found) {
            if (distinct.stream().noneMatch(kept -> shareStore(kept, map))) {
                distinct.add(map);
            }
        }
        return distinct.isEmpty() ? NONE : new LogCorrelation(distinct.toArray(ContextMap[]::new));
    }

    private static boolean shareStore(ContextMap kept, ContextMap other) {
        String previous = null;
        try {
            previous = kept.get(SHARED_STORE_PROBE);
            kept.put(SHARED_STORE_PROBE, SHARED_STORE_PROBE);
            return SHARED_STORE_PROBE.equals(other.get(SHARED_STORE_PROBE));
        } catch (RuntimeException | LinkageError e) {
            // Kept apart, as before this check: at worst the ids are written twice.
            return false;
        } finally {
            try {
                putOrRemove(kept, SHARED_STORE_PROBE, previous);
            } catch (RuntimeException | LinkageError ignored) {
                // Nothing more to undo.
            }
        }
    }

    /** @return how many distinct context maps the ids go to */
    int maps() {
        return maps.length;
    }

    /**
     * @param enabled {@code otel.instrumentation.log-correlation.enabled}
     * @return the context maps of the frameworks visible to otel-cdi's class loader
     */
    public static LogCorrelation detect(boolean enabled) {
        if (!enabled) {
            return NONE;
        }
        List<ContextMap> found = new ArrayList<>();
        add(found, "org.slf4j.MDC", Slf4jContextMap::new);
        add(found, "org.apache.logging.log4j.ThreadContext", Log4jContextMap::new);
        // WildFly's log formats read JBoss Logging's MDC (%X{trace_id}).
        add(found, "org.jboss.logging.MDC", JbossLoggingContextMap::new);
        return of(found);
    }

    private static void add(List<ContextMap> found, String className, Supplier<ContextMap> adapter) {
        try {
            Class.forName(className, false, LogCorrelation.class.getClassLoader());
            found.add(adapter.get());
            LOG.log(Level.FINE, "otel-cdi: trace ids go to {0} during requests", className);
        } catch (ClassNotFoundException | LinkageError absent) {
            // The framework is not on the class path: nothing to correlate.
        }
    }

    /**
     * @param span the span that {@code scope} made current
     * @param scope the scope to close when the returned one closes
     * @return a scope that also restores the context maps; {@code scope} itself when there is nothing to do
     */
    public Scope attach(SpanContext span, Scope scope) {
        if (maps.length == 0 || !span.isValid()) {
            return scope;
        }
        return replace(span.getTraceId(), span.getSpanId(), span.getTraceFlags().asHex(), scope);
    }

    /**
     * Takes the ids out of the context maps while a task runs with no span (a thread context the
     * runtime was asked to clear), and puts back what was there.
     *
     * @param scope the scope to close when the returned one closes
     * @return a scope that also restores the context maps; {@code scope} itself when there is nothing to do
     */
    public Scope detach(Scope scope) {
        return maps.length == 0 ? scope : replace(null, null, null, scope);
    }

    /**
     * @param span a span current on this thread
     * @return whether this thread's log lines carry that span's trace id, i.e. the application that
     *         made it current correlates its logs
     */
    public boolean shows(SpanContext span) {
        if (maps.length == 0 || !span.isValid()) {
            return false;
        }
        try {
            // Any of them: SLF4J without a binding has a map that keeps nothing.
            for (ContextMap map : maps) {
                if (span.getTraceId().equals(map.get(TRACE_ID))) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return false;
        }
    }

    private Scope replace(String traceId, String spanId, String traceFlags, Scope scope) {
        String[] previous = null;
        try {
            for (int i = 0; i < maps.length; i++) {
                ContextMap map = maps[i];
                previous = remember(previous, i * 3, swap(map, TRACE_ID, traceId));
                previous = remember(previous, i * 3 + 1, swap(map, SPAN_ID, spanId));
                previous = remember(previous, i * 3 + 2, swap(map, TRACE_FLAGS, traceFlags));
            }
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
        String[] restored = previous;
        return () -> {
            try {
                // Last put, first restored, should two maps overlap in a way the start-up check
                // could not see: a later put then saw the earlier one's value as "previous".
                for (int i = maps.length - 1; i >= 0; i--) {
                    putOrRemove(maps[i], TRACE_ID, previousAt(restored, i * 3));
                    putOrRemove(maps[i], SPAN_ID, previousAt(restored, i * 3 + 1));
                    putOrRemove(maps[i], TRACE_FLAGS, previousAt(restored, i * 3 + 2));
                }
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            } finally {
                scope.close();
            }
        };
    }

    // A pooled request thread usually shows no ids before the span's: then no array is needed
    // (which is also why maps sharing one store are written to once).
    private String[] remember(String[] previous, int index, String value) {
        if (value == null) {
            return previous;
        }
        String[] kept = previous != null ? previous : new String[maps.length * 3];
        kept[index] = value;
        return kept;
    }

    private static String previousAt(String[] previous, int index) {
        return previous == null ? null : previous[index];
    }

    private void failed(Throwable e) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "otel-cdi: a logging context map failed; requests go on, further failures are not logged", e);
        }
    }

    private static String swap(ContextMap map, String key, String value) {
        String previous = map.get(key);
        putOrRemove(map, key, value);
        return previous;
    }

    private static void putOrRemove(ContextMap map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
