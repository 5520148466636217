package io.github.otelcdi.it.support;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * The runtime the behaviour suite runs on in this JVM, named by the system property
 * {@value #PROPERTY} that each Maven execution sets. The same test classes run on every lane; where
 * a runtime cannot do something at all, the test says so through {@link #assume}, naming the lane
 * and the reason (and the README's limits list it).
 */
public enum Lane {
    /** Weld SE + Jersey on Grizzly, in this JVM. */
    JERSEY(true, false, true, true),
    /** Weld 6 + Jersey 4.0 on Grizzly (Jakarta EE 11), in this JVM, with Jersey 3.1's MicroProfile Rest Client. */
    JERSEY_EE11(true, false, true, true),
    /** Jersey on Grizzly with HK2 alone, no CDI container, in this JVM: otel-cdi set up through {@code JaxRsTelemetry}. */
    PLAIN_JERSEY(true, false, false, true),
    /** Weld SE + RESTEasy on Undertow (servlet), in this JVM. */
    RESTEASY(false, true, true, true),
    /** OpenWebBeans SE + Apache CXF (its CDI integration, MicroProfile Rest Client) on Jetty's servlet container, in this JVM. */
    OWB_CXF(false, true, true, true),
    /** WildFly, {@code standalone.xml}: RESTEasy on Undertow, no MicroProfile. */
    WILDFLY(false, true, false, true),
    /** WildFly, {@code standalone-microprofile.xml}, the server's telemetry kept out of the application. */
    WILDFLY_MICROPROFILE(false, true, true, true),
    /** Open Liberty with {@code restfulWS}, {@code cdi}, {@code mpConfig}, {@code mpRestClient}, no servlet feature. */
    LIBERTY(false, false, true, false),
    /** Payara Micro: Jersey on its servlet container. */
    PAYARA(true, true, true, false);

    /** The system property naming the lane. */
    public static final String PROPERTY = "otel-cdi.lane";

    private final boolean jersey;
    private final boolean servlet;
    private final boolean restClient;
    private final boolean loggingFrameworks;

    Lane(boolean jersey, boolean servlet, boolean restClient, boolean loggingFrameworks) {
        this.jersey = jersey;
        this.servlet = servlet;
        this.restClient = restClient;
        this.loggingFrameworks = loggingFrameworks;
    }

    /**
     * @return whether the embedded server of this JVM serves requests on virtual threads (the Java 25
     *         lane; the same property as the container's {@code VirtualThreads}, which the server lanes'
     *         class path does not have)
     */
    public static boolean virtualThreads() {
        return Boolean.getBoolean("otel-cdi.virtual-threads");
    }

    /** @return the lane of this JVM; Weld SE + Jersey when none is named */
    public static Lane current() {
        String name = System.getProperty(PROPERTY, "jersey");
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** @return the lane's name as the build and the README write it, e.g. {@code wildfly-microprofile} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return whether the JAX-RS implementation is Jersey (else RESTEasy, or CXF on {@link #OWB_CXF}) */
    public boolean jersey() {
        return jersey;
    }

    /** @return whether the JAX-RS implementation is RESTEasy (WildFly, Open Liberty, embedded on Undertow) */
    public boolean resteasy() {
        return this == RESTEASY || this == WILDFLY || this == WILDFLY_MICROPROFILE || this == LIBERTY;
    }

    /** @return whether requests reach JAX-RS through a servlet container whose API the application sees */
    public boolean servlet() {
        return servlet;
    }

    /** @return whether the runtime offers the MicroProfile Rest Client to applications */
    public boolean restClient() {
        return restClient;
    }

    /** @return whether SLF4J and Log4j 2 are there for applications (WildFly's logging subsystem, the embedded class path) */
    public boolean loggingFrameworks() {
        return loggingFrameworks;
    }

    /** @return whether the application runs in this JVM (Weld SE, or OpenWebBeans SE), not in a server of its own */
    public boolean embedded() {
        return this == JERSEY || this == PLAIN_JERSEY || this == RESTEASY || this == OWB_CXF;
    }

    /** @return whether the application runs in a CDI container (all lanes but plain-jersey) */
    public boolean cdi() {
        return this != PLAIN_JERSEY;
    }

    /** @return whether the runtime implements Jakarta Concurrency (managed executors, context services, {@code @Asynchronous}): the servers */
    public boolean jakartaConcurrency() {
        return this == WILDFLY || this == WILDFLY_MICROPROFILE || this == LIBERTY || this == PAYARA;
    }

    /**
     * @return whether the application has MicroProfile Context Propagation: SmallRye's on the class
     *         path of the CDI lanes in this JVM, Open Liberty's {@code mpContextPropagation} feature
     */
    public boolean microProfileContextPropagation() {
        return this == JERSEY || this == JERSEY_EE11 || this == RESTEASY || this == OWB_CXF || this == LIBERTY;
    }

    /** @return whether Jersey serves on Grizzly (its own HTTP server, no servlet container) */
    public boolean grizzly() {
        return this == JERSEY || this == PLAIN_JERSEY;
    }

    /**
     * Skips the rest of a test where this lane cannot support it, saying which lane and why.
     *
     * @param supported whether the lane supports what the test checks
     * @param reason why it does not, for the report
     */
    public void assume(boolean supported, String reason) {
        Assumptions.assumeTrue(supported, () -> "not on " + id() + ": " + reason);
    }
}
