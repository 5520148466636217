package io.github.otelcdi.servers.lanes;

import java.lang.reflect.Method;
import java.util.Map;
import org.jboss.arquillian.test.spi.execution.ExecutionDecision;
import org.jboss.arquillian.test.spi.execution.TestExecutionDecider;

/**
 * The TCK tests a server cannot pass with otel-cdi, reported as skipped with the reason (the
 * README's limits list the same): the TCK's own classes cannot carry our assumptions.
 */
public final class TckLimits implements TestExecutionDecider {

    private static final String LIBERTY_ASYNC_CLIENT = "Open Liberty runs async() JAX-RS client calls on its own "
            + "managed executor, which carries no OpenTelemetry context: the CLIENT span starts a trace of its own";

    private static final Map<ServerLane, Map<String, String>> SKIPPED = Map.of(ServerLane.LIBERTY, Map.of(
            "JaxRsClientAsyncTest#testIntegrationWithJaxRsClientAsync", LIBERTY_ASYNC_CLIENT,
            "JaxRsClientAsyncTest#testIntegrationWithJaxRsClientError", LIBERTY_ASYNC_CLIENT));

    @Override
    public ExecutionDecision decide(Method test) {
        String reason = SKIPPED.getOrDefault(ServerLane.current(), Map.of())
                .get(test.getDeclaringClass().getSimpleName() + "#" + test.getName());
        return reason == null ? ExecutionDecision.execute() : ExecutionDecision.dontExecute(ServerLane.current().id() + ": " + reason);
    }

    @Override
    public int precedence() {
        return 0;
    }
}
