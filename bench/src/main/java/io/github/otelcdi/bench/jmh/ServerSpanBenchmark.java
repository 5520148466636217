package io.github.otelcdi.bench.jmh;

import io.github.otelcdi.bench.app.ItemsResource;
import io.github.otelcdi.bench.otel.DiscardingExporters;
import io.github.otelcdi.cdi.internal.logging.LogCorrelation;
import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.jaxrs.internal.ConnectionLookup;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import io.github.otelcdi.jaxrs.internal.ServerTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request path in isolation, without network or Jersey's pipeline: start and end of a
 * SERVER span for {@code GET /api/items/42} with route resolution and attribute extraction, spans
 * batched to an exporter that drops them. {@code baseline} builds the same request and response
 * objects without telemetry; the difference is otel-cdi's cost. Run with {@code -prof gc} for the
 * bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServerSpanBenchmark {

    /** Header capture: off, or two request headers and one response header. */
    @Param({"off", "on"})
    public String headerCapture;

    /** HTTP metrics: off (no metric exporter), or recorded into an SDK meter provider with a reader. */
    @Param({"off", "on"})
    public String metrics;

    private static final URI BASE = URI.create("http://127.0.0.1:8080/api/");
    private static final URI REQUEST = URI.create("http://127.0.0.1:8080/api/items/42");

    private OpenTelemetrySdk sdk;
    private ServerTelemetry telemetry;
    private Tracer sdkTracer;
    private ResourceInfo resource;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchMethodException {
        // The benchmark's discarding exporters read no setting, so no configuration is passed.
        SdkMeterProviderBuilder meters = SdkMeterProvider.builder();
        if ("on".equals(metrics)) {
            meters.registerMetricReader(PeriodicMetricReader.builder(new DiscardingExporters.Metrics().createExporter(null))
                    .setInterval(Duration.ofMinutes(1)).build());
        }
        sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(meters.build())
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingExporters.Spans().createExporter(null)).build()).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        Map<String, String> settings = "on".equals(headerCapture)
                ? Map.of("otel.sdk.disabled", "false", "otel.metrics.exporter", "on".equals(metrics) ? "otlp" : "none",
                        "otel.instrumentation.http.server.capture-request-headers", "User-Agent,X-Request-Id",
                        "otel.instrumentation.http.server.capture-response-headers", "Content-Type")
                : Map.of("otel.sdk.disabled", "false", "otel.metrics.exporter", "on".equals(metrics) ? "otlp" : "none");
        InstrumentationSettings read = InstrumentationSettings.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "bench", 500)).build());
        sdkTracer = sdk.getTracer("bench");
        telemetry = new ServerTelemetry(sdk, read, ConnectionLookup.FROM_CONTAINER, List.of(), List.of(), LogCorrelation.detect(false), false);
        Method get = ItemsResource.class.getMethod("get", String.class);
        resource = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return get;
            }

            @Override
            public Class<?> getResourceClass() {
                return ItemsResource.class;
            }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.shutdown().join(10, TimeUnit.SECONDS);
    }

    private static ContainerRequest request() {
        ContainerRequest request = new ContainerRequest(BASE, REQUEST, "GET", null, new MapPropertiesDelegate(), null);
        request.header("User-Agent", "wrk/4.1.0");
        request.header("X-Request-Id", "9f0c2a");
        request.header("Host", "127.0.0.1:8080");
        return request;
    }

    @Benchmark
    public Object baseline() {
        ContainerRequest request = request();
        return new ContainerResponse(request, Response.ok("the answer").type("text/plain").build());
    }

    /**
     * The floor: the SDK alone, one span with the attributes a SERVER span of this request carries,
     * no instrumentation around it.
     */
    @Benchmark
    public Object sdkSpanOnly() {
        ContainerRequest request = request();
        Span span = sdkTracer.spanBuilder("GET /api/items/{id}").setSpanKind(SpanKind.SERVER)
                .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
                .setAttribute(UrlAttributes.URL_SCHEME, "http")
                .setAttribute(UrlAttributes.URL_PATH, "/api/items/42")
                .setAttribute(HttpAttributes.HTTP_ROUTE, "/api/items/{id}")
                .setAttribute(ServerAttributes.SERVER_ADDRESS, "127.0.0.1")
                .setAttribute(ServerAttributes.SERVER_PORT, 8080L)
                .setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, "wrk/4.1.0")
                .setAttribute(NetworkAttributes.NETWORK_PROTOCOL_NAME, "http")
                .startSpan();
        ContainerResponse response = new ContainerResponse(request, Response.ok("the answer").type("text/plain").build());
        span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) response.getStatus());
        span.end();
        return span;
    }

    @Benchmark
    public Object traced() {
        ContainerRequest request = request();
        ServerExchange exchange = telemetry.start(request);
        ContainerResponse response = new ContainerResponse(request, Response.ok("the answer").type("text/plain").build());
        telemetry.matched(exchange, resource);
        exchange.responded(response);
        exchange.end(response, null);
        return exchange;
    }

    /** For a quick look without Maven: {@code java -cp ... ServerSpanBenchmark}. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {ServerSpanBenchmark.class.getSimpleName(), "-prof", "gc"});
    }

}
