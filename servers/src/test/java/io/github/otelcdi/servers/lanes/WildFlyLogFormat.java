package io.github.otelcdi.servers.lanes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Before WildFly starts: its log pattern gets the trace and span ids from the MDC, as an operator
 * adds them ({@code %X{trace_id}}), in both configurations the lanes start.
 */
public final class WildFlyLogFormat {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n";
    static final String WITH_IDS = "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s trace_id=%X{trace_id} span_id=%X{span_id}%e%n";

    public void beforeStart(@Observes BeforeStart event) {
        String home = System.getProperty("wildfly.home");
        if (home == null) {
            return;
        }
        for (String config : new String[] {"standalone.xml", "standalone-microprofile.xml"}) {
            Path file = Path.of(home, "standalone", "configuration", config);
            try {
                String xml = Files.readString(file, StandardCharsets.UTF_8);
                if (xml.contains(PATTERN)) {
                    Files.writeString(file, xml.replace(PATTERN, WITH_IDS), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set the log pattern of " + file, e);
            }
        }
    }
}
