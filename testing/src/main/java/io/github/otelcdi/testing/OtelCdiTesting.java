package io.github.otelcdi.testing;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving a test the telemetry of the application under test, emptied before each
 * test. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OtelCdiTesting otel = OtelCdiTesting.forApplication();   // CDI extension, otel.traces.exporter=memory
 *
 * @Test
 * void tracesTheOrder() {
 *     ... GET /api/orders/7 ...
 *     otel.telemetry().assertTraces(1).hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
 *             span -> span.hasName("GET /api/orders/{id}").hasKind(SpanKind.SERVER)));
 * }
 * }</pre>
 *
 * A test method may also take a {@link RecordedTelemetry} parameter.
 */
public final class OtelCdiTesting implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private final RecordedTelemetry own;

    private OtelCdiTesting(RecordedTelemetry own) {
        this.own = own;
    }

    /**
     * For applications whose SDK otel-cdi's CDI extension builds with the {@code memory} exporters
     * (Weld SE started in the test, Arquillian, an application server): the store of the application
     * whose class loader is the test thread's context loader, looked up at each use.
     *
     * @return the extension
     */
    public static OtelCdiTesting forApplication() {
        return new OtelCdiTesting(null);
    }

    /**
     * For applications set up in code (no CDI, e.g. {@code JerseyTest} with {@code JaxRsTelemetry}):
     * an SDK of the extension's own, {@link #openTelemetry()}, shut down after the test class.
     *
     * @return the extension
     */
    public static OtelCdiTesting withOwnSdk() {
        return new OtelCdiTesting(RecordedTelemetry.create());
    }

    /** @return what the application under test recorded */
    public RecordedTelemetry telemetry() {
        return own != null ? own : RecordedTelemetry.ofApplication();
    }

    /**
     * @return the SDK recording into {@link #telemetry()}
     * @throws IllegalStateException for {@link #forApplication()}, whose application builds its own SDK
     */
    public OpenTelemetrySdk openTelemetry() {
        if (own == null) {
            throw new IllegalStateException("the application's CDI extension builds its SDK; configure "
                    + "otel.traces.exporter=" + MemoryExporters.NAME + " there, or use OtelCdiTesting.withOwnSdk()");
        }
        return own.openTelemetry();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        telemetry().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (own != null) {
            own.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RecordedTelemetry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return telemetry();
    }
}
