package io.github.otelcdi.cdi.internal.logging;

/** A logging framework's per-thread context map (SLF4J's MDC, Log4j 2's ThreadContext). */
interface ContextMap {

    String get(String key);

    void put(String key, String value);

    void remove(String key);
}
