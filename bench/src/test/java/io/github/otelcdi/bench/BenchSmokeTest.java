package io.github.otelcdi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.otelcdi.bench.runner.BenchRunner;
import io.github.otelcdi.bench.runner.StartupRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One short round of the benchmark, so it cannot rot: every variant serves, and spans appear exactly where they should. */
class BenchSmokeTest {

    @Test
    void oneShortRoundOfEveryVariant() throws Exception {
        Path out = Path.of("target", "bench-smoke.md");
        String report = BenchRunner.smoke(out);
        System.out.println(report);
        assertTrue(Files.readString(out).contains("| traced |"), report);
        assertEquals(11, report.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| variant")).count(), report);
        assertTrue(report.contains("| OpenTelemetry Java agent |") && report.contains("traced / agent: CPU")
                && report.contains("| RESTEasy: traced |") && report.contains("RESTEasy: traced / agent: CPU")
                && report.contains("| RESTEasy: otel-cdi, SDK disabled |"), report);
    }

    @Test
    void oneStartOfEveryStartUpVariant() throws Exception {
        String report = StartupRunner.smoke(Path.of("target", "startup-smoke.md"));
        System.out.println(report);
        assertEquals(4, report.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| variant")).count(), report);
        assertTrue(report.contains("| otel-cdi, SDK on, OTLP exporters |") && report.contains("| OpenTelemetry Java agent, OTLP exporters |"), report);
        // Every row has a start-up time and a heap: the server answered and the probe was read.
        assertTrue(report.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| variant") && !line.startsWith("|---"))
                .noneMatch(line -> line.contains("NaN")), report);
    }
}
