package io.github.otelcdi.bench.runner;

import java.util.List;

/** The JAX-RS runtime a variant's server runs on; each JVM's class path holds one only. */
enum Stack {
    /** Jersey on Grizzly, Weld SE: what Payara's users run, without the servlet container. */
    JERSEY("Jersey/Grizzly", "io.github.otelcdi.bench.app.BenchServer",
            List.of("org/jboss/resteasy/", "io/undertow/", "org/xnio/", "org/jboss/weld/module/web/")),
    /** RESTEasy's servlet on Undertow, Weld SE: the path of WildFly's and Open Liberty's users. */
    RESTEASY("RESTEasy/Undertow", "io.github.otelcdi.bench.app.ResteasyBenchServer",
            List.of("org/glassfish/jersey/", "org/glassfish/grizzly/", "org/glassfish/hk2/", "org/jvnet/hk2/"));

    private final String label;
    private final String mainClass;
    private final List<String> otherStack;

    Stack(String label, String mainClass, List<String> otherStack) {
        this.label = label;
        this.mainClass = mainClass;
        this.otherStack = otherStack;
    }

    String label() {
        return label;
    }

    String mainClass() {
        return mainClass;
    }

    /** @return the packages of the other runtime, which this stack's JVM runs without */
    List<String> otherStack() {
        return otherStack;
    }
}
