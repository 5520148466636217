package io.github.otelcdi.servers.lanes;

import java.util.List;
import java.util.Locale;

/** The application server of this JVM's lane (system property {@code otel-cdi.lane}), and what the README asks users to add there. */
enum ServerLane {
    WILDFLY(List.of("jboss-deployment-structure.xml"), false),
    WILDFLY_MICROPROFILE(List.of("jboss-deployment-structure.xml"), false),
    LIBERTY(List.of(), false),
    PAYARA(List.of("glassfish-web.xml"), true);

    private final List<String> descriptors;
    private final boolean ownSdkSwitch;

    ServerLane(List<String> descriptors, boolean ownSdkSwitch) {
        this.descriptors = descriptors;
        this.ownSdkSwitch = ownSdkSwitch;
    }

    /** @return the lane's name as the build writes it */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ServerLane current() {
        return valueOf(System.getProperty("otel-cdi.lane", "").toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** @return the descriptors (from {@code src/test/resources/descriptors/<lane>}) a user adds to {@code WEB-INF} */
    List<String> descriptors() {
        return descriptors;
    }

    /** @return whether the server's own telemetry reads {@code otel.sdk.disabled}, so users switch otel-cdi on with its own key */
    boolean ownSdkSwitch() {
        return ownSdkSwitch;
    }
}
