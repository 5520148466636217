package io.github.otelcdi.it.apps.logs;

import io.github.otelcdi.logging.TraceContextFormatter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a {@code java.util.logging} handler with otel-cdi's {@link TraceContextFormatter} writes for
 * {@link LogsResource}'s logger, kept in the application, so the test reads the lines as they were
 * formatted on the logging thread, whatever JVM the application runs in. Taken off the logger when
 * the application stops.
 */
@ApplicationScoped
public class FormattedLines {

    private final Logger logger = Logger.getLogger(LogsResource.LOGGER);
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final TraceContextFormatter formatter = new TraceContextFormatter((String) null);

        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        logger.addHandler(handler);
    }

    @PreDestroy
    void stop() {
        logger.removeHandler(handler);
    }

    /** @return the lines formatted so far, forgetting them */
    public List<String> take() {
        synchronized (lines) {
            List<String> taken = new ArrayList<>(lines);
            lines.clear();
            return taken;
        }
    }
}
