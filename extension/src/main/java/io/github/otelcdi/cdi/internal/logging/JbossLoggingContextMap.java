package io.github.otelcdi.cdi.internal.logging;

import org.jboss.logging.MDC;

/** JBoss Logging's MDC (WildFly's log formats read it); only loaded when {@code org.jboss.logging.MDC} is on the class path. */
final class JbossLoggingContextMap implements ContextMap {

    @Override
    public String get(String key) {
        Object value = MDC.get(key);
        return value == null ? null : value.toString();
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
