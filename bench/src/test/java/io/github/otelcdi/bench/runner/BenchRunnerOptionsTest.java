package io.github.otelcdi.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the runner's arguments set. */
class BenchRunnerOptionsTest {

    @Test
    void jvmOptionsAreCollectedInOrder() {
        BenchRunner.Options options = BenchRunner.Options.parse("--jvm-option", "-XX:-DoEscapeAnalysis", "--rounds", "3",
                "--jvm-option", "-XX:+UseParallelGC");
        assertEquals(List.of("-XX:-DoEscapeAnalysis", "-XX:+UseParallelGC"), options.jvmOptions());
        assertEquals(3, options.rounds());
        assertEquals(Duration.ofSeconds(10), options.round(), "the default round");
        List<String> jvm = BenchRunner.serverJvm(options);
        assertEquals(List.of("-XX:-DoEscapeAnalysis", "-XX:+UseParallelGC"), jvm.subList(jvm.size() - 2, jvm.size()),
                "after the runner's own options, so they win where they repeat one: " + jvm);
        assertTrue(jvm.contains("-Xmx256m"), "the runner's own options stay: " + jvm);
    }

    @Test
    void noJvmOptionByDefault() {
        assertTrue(BenchRunner.Options.parse().jvmOptions().isEmpty());
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BenchRunner.Options.parse("--jvm"));
        assertTrue(refused.getMessage().contains("--jvm-option OPTION"), refused.getMessage());
    }
}
