package io.github.otelcdi.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.config.SettingKeys;
import io.github.otelcdi.it.backends.OtlpReceiver;
import io.github.otelcdi.it.backends.OtlpReceiver.Protocol;
import io.github.otelcdi.it.backends.OtlpReceiver.ReceivedSpan;
import io.github.otelcdi.it.support.Http;
import io.github.otelcdi.it.support.Waiting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code otel-cdi.agent.pipeline=own}: with the agent's API bridge off, otel-cdi's own SDK traces as
 * without the agent, next to the agent's pipeline; with the bridge on, the setting cannot be followed
 * (a second SDK's spans would be lost), and otel-cdi says so and joins the agent's pipeline.
 */
@Tag("agent")
class JavaAgentOwnPipelineTest {

    private static final List<String> AGENT_SETTINGS = List.of("otel.service.name=agent-app", "otel.traces.exporter=otlp",
            "otel.metrics.exporter=none", "otel.logs.exporter=none", "otel.exporter.otlp.protocol=http/protobuf",
            "otel.bsp.schedule.delay=20");
    private static final String OWN = SettingKeys.AGENT_PIPELINE + "=" + SettingKeys.AGENT_PIPELINE_OWN;

    @Test
    void withTheAgentsApiBridgeOffBothPipelinesTraceEachRequestOnce() throws Exception {
        try (OtlpReceiver agent = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0);
             OtlpReceiver own = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0);
             AgentProcess app = new AgentProcess(agentSettings(agent), List.of("-Dotel.instrumentation.opentelemetry-api.enabled=false"),
                     own.endpoint(), OWN)) {
            assertTrue(app.output().contains("attached with its API bridge off"), app.output());
            assertEquals(200, Http.get(app.shop().resolve("api/orders/42")).statusCode());
            Waiting.until(() -> own.spans().size() >= 1 && agent.spans().size() >= 1, Duration.ofSeconds(20), "a span in each pipeline");
            Waiting.sleep(300);
            assertEquals(List.of("GET /" + AgentApp.SHOP + "/api/orders/{id}"), names(own.spans()), "otel-cdi's own span, as without the agent");
            // The agent also traces otel-cdi's exporter (its HTTP client calls), as CLIENT spans named POST.
            List<ReceivedSpan> agentServers = agent.spans().stream()
                    .filter(s -> s.span().getKind() == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER).toList();
            assertEquals(1, agentServers.size(), "the agent's own SERVER span: " + names(agent.spans()));
        }
    }

    @Test
    void withTheBridgeOnTheOwnPipelineIsRefusedAndTheAgentsJoined() throws Exception {
        try (OtlpReceiver agent = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0);
             OtlpReceiver own = OtlpReceiver.start(Protocol.HTTP_PROTOBUF, 0);
             AgentProcess app = new AgentProcess(agentSettings(agent), List.of(), own.endpoint(), OWN)) {
            assertTrue(app.output().contains(OWN + " is not followed"), app.output());
            assertEquals(200, Http.get(app.shop().resolve("api/orders/42")).statusCode());
            Waiting.until(() -> agent.spans().size() >= 1, Duration.ofSeconds(20), "the agent's span");
            Waiting.sleep(300);
            assertEquals(List.of("GET /" + AgentApp.SHOP + "/api/orders/{id}"), names(agent.spans()), "named by otel-cdi, nothing lost");
            assertEquals(0, own.spans().size());
        }
    }

    private static List<String> agentSettings(OtlpReceiver agent) {
        List<String> settings = new ArrayList<>(AGENT_SETTINGS);
        settings.add("otel.exporter.otlp.endpoint=" + agent.endpoint());
        return settings;
    }

    private static List<String> names(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.span().getName()).toList();
    }
}
