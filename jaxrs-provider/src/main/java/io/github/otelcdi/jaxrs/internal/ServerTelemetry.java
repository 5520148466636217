package io.github.otelcdi.jaxrs.internal;

import io.github.otelcdi.config.InstrumentationSettings;
import io.github.otelcdi.cdi.internal.HookBean;
import io.github.otelcdi.cdi.internal.logging.LogCorrelation;
import io.github.otelcdi.config.internal.OtelCdiInfo;
import io.github.otelcdi.jaxrs.ServerRequestHook;
import io.github.otelcdi.jaxrs.ServerResponseHook;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.instrumentation.api.incubator.semconv.http.HttpServerExperimentalMetrics;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.InstrumenterBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractorBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerMetrics;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteBuilder;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractorBuilder;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.List;

/**
 * Everything one application needs to trace its inbound requests: the {@link Instrumenter} built
 * once from the SDK and the settings, and the route cache. One instance per application.
 */
public final class ServerTelemetry {

    private static final Hooks.Call<ServerRequestHook, ContainerRequestContext, Void> ON_REQUEST =
            (hook, span, request, none) -> hook.onRequest(span, request);
    private static final Hooks.Call<ServerResponseHook, ContainerRequestContext, ContainerResponseContext> ON_RESPONSE =
            (hook, span, request, response) -> hook.onResponse(span, request, response);

    private final Instrumenter<ServerExchange, ContainerResponseContext> instrumenter;
    private final InstrumentationSettings settings;
    private final RouteResolver routes;
    private final ConnectionLookup connections;
    private final TextMapPropagator propagator;
    private final Hooks<ServerRequestHook> requestHooks;
    private final Hooks<ServerResponseHook> responseHooks;
    private final FailureLog failures = new FailureLog();
    private final LogCorrelation logCorrelation;
    /** Set when otel-cdi records into the OpenTelemetry Java agent's pipeline: enriches the agent's SERVER spans. */
    private final AgentServerSpan agentSpans;
    private final CallerContextHeaders callerContextHeaders;

    /**
     * @param openTelemetry the application's SDK
     * @param settings the validated settings
     * @param connections how to ask the container about a request's connection
     * @param requestHooks the application's server request hooks, in order
     * @param responseHooks the application's server response hooks, in order
     * @param logCorrelation where the span's ids go while it is current
     * @param joinsAgent whether {@code openTelemetry} is the OpenTelemetry Java agent's, whose SERVER
     *                   spans otel-cdi then enriches instead of starting its own
     */
    public ServerTelemetry(OpenTelemetry openTelemetry, InstrumentationSettings settings, ConnectionLookup connections,
            List<HookBean<ServerRequestHook>> requestHooks, List<HookBean<ServerResponseHook>> responseHooks,
            LogCorrelation logCorrelation, boolean joinsAgent) {
        this.settings = settings;
        this.logCorrelation = logCorrelation;
        this.connections = connections;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.callerContextHeaders = new CallerContextHeaders(propagator);
        this.requestHooks = new Hooks<>(requestHooks, "server request hook", failures);
        this.responseHooks = new Hooks<>(responseHooks, "server response hook", failures);
        this.routes = new RouteResolver(settings.keepRouteRegex());
        ServerRequestAttributes getter = new ServerRequestAttributes(settings.sanitizedHeaders(),
                new QueryRedactor(settings.redactedQueryParameters()));
        this.agentSpans = joinsAgent ? new AgentServerSpan(getter, settings) : null;

        HttpSpanNameExtractorBuilder<ServerExchange> names = HttpSpanNameExtractor.builder(getter);
        HttpServerAttributesExtractorBuilder<ServerExchange, ContainerResponseContext> attributes =
                HttpServerAttributesExtractor.builder(getter)
                        .setRequestHeaders(CapturedHeaders.named(settings.serverRequestHeaders()))
                        .setResponseHeaders(CapturedHeaders.named(settings.serverResponseHeaders()));
        HttpServerRouteBuilder<ServerExchange> route = HttpServerRoute.builder(getter);
        names.setKnownMethods(settings.knownMethods());
        attributes.setKnownMethods(settings.knownMethods());
        route.setKnownMethods(settings.knownMethods());

        InstrumenterBuilder<ServerExchange, ContainerResponseContext> builder = Instrumenter.<ServerExchange, ContainerResponseContext>builder(
                        openTelemetry, OtelCdiInfo.SCOPE_NAME, names.build())
                .setInstrumentationVersion(OtelCdiInfo.VERSION)
                .setSpanStatusExtractor(new ServerSpanStatus(getter))
                .addAttributesExtractor(attributes.build())
                .addAttributesExtractor(new ExceptionErrorType())
                .addContextCustomizer(route.build());
        // Without a metric exporter nobody reads the points, and recording them still costs every
        // request its attribute merge.
        if (settings.metricsExported()) {
            builder.addOperationMetrics(HttpServerMetrics.get());
        }
        if (settings.hasUntrustedContextUrls()) {
            builder.addSpanLinksExtractor((links, parent, exchange) -> {
                SpanContext caller = exchange.untrustedCaller();
                if (caller != null && caller.isValid()) {
                    links.addLink(caller);
                }
            });
        }
        if (settings.experimentalServerTelemetry()) {
            builder.addAttributesExtractor(new BodySizeAttributes());
            if (settings.metricsExported()) {
                builder.addOperationMetrics(HttpServerExperimentalMetrics.get());
            }
        }
        this.instrumenter = builder.buildServerInstrumenter(RequestHeaders.INSTANCE);
    }

    /**
     * Starts the SERVER span of a request, continuing the caller's trace, unless the path is excluded
     * (then only the caller's context is kept, to be current while the resource runs).
     *
     * @param request the request, before matching
     * @return the exchange, also stored as the request property {@link RequestProperties#SERVER_EXCHANGE}; null when there is nothing to trace or propagate
     */
    public ServerExchange start(ContainerRequestContext request) {
        try {
            RequestUri uri = RequestUri.of(request);
            if (!uri.usable()) {
                // The runtime could not build the URI (a proxy header it applied): the container's path.
                uri = uri.withPath(connections.requestPath(request));
            }
            String path = uri.rawPath();
            boolean untrusted = settings.isUntrustedContext(path);
            if (settings.isExcluded(path)) {
                return keepsNoCallerContext(request, untrusted) ? null : passThrough(request, uri);
            }
            ServerExchange exchange = new ServerExchange(this, request, uri, connection(request));
            if (agentSpans != null && !instrumenter.shouldStart(Context.current(), exchange)) {
                // Suppressed by the agent's SERVER span, current since its HTTP server instrumentation ran.
                return adopt(request, exchange);
            }
            if (untrusted) {
                exchange.distrust(callerSpanContext(exchange));
            }
            // Root, not Context.current(): whatever a previous request left on this thread must
            // never become the parent; the caller's headers alone decide.
            Context parent = Context.root();
            if (!instrumenter.shouldStart(parent, exchange)) {
                return null;
            }
            Context context = instrumenter.start(parent, exchange);
            exchange.started(context);
            request.setProperty(RequestProperties.SERVER_EXCHANGE, exchange);
            requestHooks.run(context, ON_REQUEST, request, null);
            return exchange;
        } catch (RuntimeException e) {
            failures.report("starting a SERVER span", e);
            return null;
        }
    }

    /**
     * Decided before the request's filters run, so that a runtime need not follow a request that
     * will get neither a span nor a caller's context.
     *
     * @param request the request, as it arrived
     * @param rawPath its path, as the client sent it
     * @return whether the request is to an excluded URL and carries no caller context otel-cdi would keep
     */
    public boolean ignores(ContainerRequestContext request, String rawPath) {
        try {
            if (!settings.isExcluded(rawPath)) {
                return false;
            }
            return keepsNoCallerContext(request, settings.isUntrustedContext(rawPath));
        } catch (RuntimeException e) {
            failures.report("checking whether a URL is excluded", e);
            return false;
        }
    }

    /** @return whether an excluded URL's request goes on without the caller's context (nothing to keep, or not to be trusted) */
    private boolean keepsNoCallerContext(ContainerRequestContext request, boolean untrusted) {
        // The agent's span stays as the agent made it.
        return untrusted || agentSpans != null || !callerContextHeaders.mayBeIn(request);
    }

    private ServerExchange adopt(ContainerRequestContext request, ServerExchange exchange) {
        Context context = Context.current();
        exchange.adopt(context);
        request.setProperty(RequestProperties.SERVER_EXCHANGE, exchange);
        agentSpans.started(context, exchange);
        requestHooks.run(context, ON_REQUEST, request, null);
        return exchange;
    }

    /** An excluded URL: no span, no metric, no hook; only the caller's context, when it sent one. */
    private ServerExchange passThrough(ContainerRequestContext request, RequestUri uri) {
        ServerExchange exchange = new ServerExchange(this, request, uri, Connection.UNKNOWN);
        Context incoming = propagator.extract(Context.root(), exchange, RequestHeaders.INSTANCE);
        if (incoming == Context.root()) {
            return null;
        }
        exchange.passThrough(incoming);
        request.setProperty(RequestProperties.SERVER_EXCHANGE, exchange);
        return exchange;
    }

    /** @return what the caller sent as its span context (invalid when nothing usable), read before distrusting it */
    private SpanContext callerSpanContext(ServerExchange exchange) {
        return Span.fromContext(propagator.extract(Context.root(), exchange, RequestHeaders.INSTANCE)).getSpanContext();
    }

    private Connection connection(ContainerRequestContext request) {
        try {
            return connections.describe(request);
        } catch (RuntimeException e) {
            failures.report("asking the container about a connection", e);
            return Connection.UNKNOWN;
        }
    }

    void runResponseHooks(ServerExchange exchange, ContainerResponseContext response) {
        if (exchange.adopted()) {
            try {
                agentSpans.responded(exchange.context(), exchange, response);
            } catch (RuntimeException e) {
                failures.report("enriching the agent's SERVER span", e);
            }
        }
        responseHooks.run(exchange.context(), ON_RESPONSE, exchange.request(), response);
    }

    /**
     * Gives the span its route, as soon as the resource method is matched (also when a later filter
     * aborts the request).
     *
     * @param exchange the request's exchange
     * @param resourceInfo the matched resource
     */
    public void matched(ServerExchange exchange, ResourceInfo resourceInfo) {
        try {
            String route = routes.resolve(exchange.request(), exchange.uri(), resourceInfo);
            if (route != null && exchange.adopted()) {
                agentSpans.route(exchange.context(), route);
            } else if (route != null) {
                HttpServerRoute.update(exchange.context(), HttpServerRouteSource.CONTROLLER, route);
            }
        } catch (RuntimeException e) {
            failures.report("resolving the route of a request", e);
        }
    }

    void end(ServerExchange exchange, ContainerResponseContext response, Throwable error) {
        try {
            if (exchange.adopted()) {
                agentSpans.ended(exchange, response, error);
                return;
            }
            instrumenter.end(exchange.context(), exchange, response, error);
        } catch (RuntimeException e) {
            failures.report("ending a SERVER span", e);
        }
    }

    /** @return the settings the telemetry was built with */
    public InstrumentationSettings settings() {
        return settings;
    }

    /** @return where failures of otel-cdi's own code are reported */
    public FailureLog failures() {
        return failures;
    }

    /**
     * @param request the request, in a response filter, before its resource method has run
     * @param exchange its exchange
     * @return whether the container tells the exchange when the event stream is over
     */
    boolean watchEventStream(ContainerRequestContext request, ServerExchange exchange) {
        try {
            return connections.watchEventStream(request, exchange);
        } catch (RuntimeException | LinkageError e) {
            failures().report("watching an event stream", e);
            return false;
        }
    }

    LogCorrelation logCorrelation() {
        return logCorrelation;
    }
}
