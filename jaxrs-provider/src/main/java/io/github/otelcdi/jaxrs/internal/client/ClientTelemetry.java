package io.github.otelcdi.jaxrs.internal.client;

import io.github.otelcdi.cdi.internal.HookBean;
import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.config.internal.OtelCdiInfo;
import io.github.otelcdi.jaxrs.ClientRequestHook;
import io.github.otelcdi.jaxrs.ClientResponseHook;
import io.github.otelcdi.jaxrs.internal.CapturedHeaders;
import io.github.otelcdi.jaxrs.internal.FailureLog;
import io.github.otelcdi.jaxrs.internal.Hooks;
import io.github.otelcdi.jaxrs.internal.QueryRedactor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.InstrumenterBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.util.List;

/** CLIENT spans for one application's outgoing JAX-RS calls: the {@link Instrumenter}, built once. */
public final class ClientTelemetry {

    /** Request property: the context that was current where the call was made (set on the caller's thread). */
    public static final String CALLER_CONTEXT = "io.github.otelcdi.client.caller-context";
    private static final String CLIENT_CALL = "io.github.otelcdi.client.call";
    /** Client property: the telemetry a {@code JaxRsTelemetry} registered on this client, ahead of any CDI container's. */
    public static final String OWN_TELEMETRY = "io.github.otelcdi.client.telemetry";
    /**
     * Client property, set with {@link #OWN_TELEMETRY}: a {@code JaxRsTelemetry} registered its own filter on this client, so a filter the
     * runtime adds outside the client's configuration (a CXF bus's) steps aside instead of tracing the call twice.
     */
    public static final String OWN_FILTER = "io.github.otelcdi.client.own-filter";

    private static final Hooks.Call<ClientRequestHook, ClientRequestContext, Void> ON_REQUEST =
            (hook, span, request, none) -> hook.onRequest(span, request);
    private static final Hooks.Call<ClientResponseHook, ClientRequestContext, ClientResponseContext> ON_RESPONSE =
            (hook, span, request, response) -> hook.onResponse(span, request, response);

    private final Instrumenter<ClientRequestContext, ClientResponseContext> instrumenter;
    private final FailureLog failures = new FailureLog();
    private final Hooks<ClientRequestHook> requestHooks;
    private final Hooks<ClientResponseHook> responseHooks;

    /**
     * @param openTelemetry the application's SDK
     * @param settings the validated settings
     * @param requestHooks the application's client request hooks, in order
     * @param responseHooks the application's client response hooks, in order
     */
    public ClientTelemetry(OpenTelemetry openTelemetry, InstrumentationSettings settings,
            List<HookBean<ClientRequestHook>> requestHooks, List<HookBean<ClientResponseHook>> responseHooks) {
        ClientRequestAttributes getter = new ClientRequestAttributes(settings.sanitizedHeaders(),
                new QueryRedactor(settings.redactedQueryParameters()));
        InstrumenterBuilder<ClientRequestContext, ClientResponseContext> builder = Instrumenter.<ClientRequestContext, ClientResponseContext>builder(
                        openTelemetry, OtelCdiInfo.SCOPE_NAME,
                        HttpSpanNameExtractor.builder(getter).setKnownMethods(settings.knownMethods()).build())
                .setInstrumentationVersion(OtelCdiInfo.VERSION)
                .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
                .addAttributesExtractor(HttpClientAttributesExtractor.builder(getter)
                        .setRequestHeaders(CapturedHeaders.named(settings.clientRequestHeaders()))
                        .setResponseHeaders(CapturedHeaders.named(settings.clientResponseHeaders()))
                        .setKnownMethods(settings.knownMethods())
                        .build());
        if (settings.metricsExported()) {
            builder.addOperationMetrics(HttpClientMetrics.get());
        }
        this.instrumenter = builder.buildClientInstrumenter(ClientRequestHeaders.INSTANCE);
        this.requestHooks = new Hooks<>(requestHooks, "client request hook", failures);
        this.responseHooks = new Hooks<>(responseHooks, "client response hook", failures);
    }

    /**
     * Starts the CLIENT span of a call and injects the propagation headers, unless the call is
     * already traced (two registrations of the filter must not make two spans).
     *
     * @param request the outgoing request, after the application's request filters
     */
    public void start(ClientRequestContext request) {
        try {
            if (request.getProperty(CLIENT_CALL) != null) {
                return;
            }
            Context parent = request.getProperty(CALLER_CONTEXT) instanceof Context caller ? caller : Context.current();
            if (!instrumenter.shouldStart(parent, request)) {
                return;
            }
            Context context = instrumenter.start(parent, request);
            request.setProperty(CLIENT_CALL, new ClientCall(context, this));
            requestHooks.run(context, ON_REQUEST, request, null);
        } catch (RuntimeException e) {
            failures.report("starting a CLIENT span", e);
        }
    }

    /**
     * Ends the CLIENT span of a call that failed without a response (connection refused, timeout),
     * where only the runtime sees the failure (a CXF client's interceptor chain); nothing when the
     * call is not traced or its span has ended.
     *
     * @param request the request
     * @param error the failure
     */
    public static void failed(ClientRequestContext request, Throwable error) {
        if (request.getProperty(CLIENT_CALL) instanceof ClientCall call) {
            call.telemetry().end(request, null, error);
        }
    }

    /**
     * Ends the CLIENT span of a call; only the first call counts.
     *
     * @param request the request
     * @param response the response, or null when the call failed without one
     * @param error the failure, or null
     */
    public void end(ClientRequestContext request, ClientResponseContext response, Throwable error) {
        try {
            if (request.getProperty(CLIENT_CALL) instanceof ClientCall call && call.end()) {
                responseHooks.run(call.context(), ON_RESPONSE, request, response);
                instrumenter.end(call.context(), request, response, error);
            }
        } catch (RuntimeException e) {
            failures.report("ending a CLIENT span", e);
        }
    }
}
