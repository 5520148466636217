package io.github.otelcdi.jaxrs.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failure of otel-cdi's own code once per place it happens, so a broken exporter or a bug
 * of ours shows up in the log without flooding it on every request. Later occurrences go to FINE.
 */
public final class FailureLog {

    private static final Logger LOG = Logger.getLogger("io.github.otelcdi");

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param where a short, stable description of the place, e.g. "starting a SERVER span"
     * @param failure what was thrown
     */
    public void report(String where, Throwable failure) {
        if (reported.add(where)) {
            LOG.log(Level.WARNING, "otel-cdi failed while " + where + "; the request goes on untouched. "
                    + "Further failures here are logged at FINE.", failure);
        } else if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "otel-cdi failed again while " + where, failure);
        }
    }
}
