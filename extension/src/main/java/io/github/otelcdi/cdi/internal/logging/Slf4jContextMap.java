package io.github.otelcdi.cdi.internal.logging;

import org.slf4j.MDC;

/** SLF4J's MDC; only loaded when {@code org.slf4j.MDC} is on the class path. */
final class Slf4jContextMap implements ContextMap {

    @Override
    public String get(String key) {
        return MDC.get(key);
    }

    @Override
    public void put(String key, String value) {
        MDC.put(key, value);
    }

    @Override
    public void remove(String key) {
        MDC.remove(key);
    }
}
