package io.github.otelcdi.cdi.internal.logging;

import org.apache.logging.log4j.ThreadContext;

/** Log4j 2's ThreadContext; only loaded when {@code org.apache.logging.log4j.ThreadContext} is on the class path. */
final class Log4jContextMap implements ContextMap {

    @Override
    public String get(String key) {
        return ThreadContext.get(key);
    }

    @Override
    public void put(String key, String value) {
        ThreadContext.put(key, value);
    }

    @Override
    public void remove(String key) {
        ThreadContext.remove(key);
    }
}
