package io.github.otelcdi.config;

/**
 * The MicroProfile Config keys that otel-cdi reads for its own instrumentation, and the Python
 * environment-variable names it accepts as aliases.
 *
 * <p>Every key can be set wherever MicroProfile Config looks: {@code microprofile-config.properties},
 * a system property, or the environment (MicroProfile Config maps {@code OTEL_SERVICE_NAME} to
 * {@code otel.service.name}). When both a key and its alias are set, the key wins. Keys of the
 * OpenTelemetry SDK itself ({@code otel.service.name}, {@code otel.traces.exporter}, ...) are not
 * listed here: every {@code otel.*} key is handed to the SDK's autoconfigure as it is.
 */
public final class SettingKeys {

    /** Whether the SDK is disabled; {@code true} unless set, as MicroProfile Telemetry requires. */
    public static final String SDK_DISABLED = "otel.sdk.disabled";

    /**
     * otel-cdi's own copy of {@link #SDK_DISABLED}: when set, it decides for otel-cdi (and the SDK
     * otel-cdi builds) instead of {@code otel.sdk.disabled}, which stays what the server reads. For
     * servers whose own MicroProfile Telemetry is switched on by the application's
     * {@code otel.sdk.disabled=false} and cannot be excluded (Payara): leave that one {@code true},
     * set this one {@code false}.
     */
    public static final String OTEL_CDI_SDK_DISABLED = "otel-cdi.sdk.disabled";

    /** Request headers recorded on SERVER spans as {@code http.request.header.<name>}. */
    public static final String SERVER_REQUEST_HEADERS = "otel.instrumentation.http.server.capture-request-headers";
    /** Python alias of {@link #SERVER_REQUEST_HEADERS}. */
    public static final String SERVER_REQUEST_HEADERS_ALIAS = "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST";

    /** Response headers recorded on SERVER spans as {@code http.response.header.<name>}. */
    public static final String SERVER_RESPONSE_HEADERS = "otel.instrumentation.http.server.capture-response-headers";
    /** Python alias of {@link #SERVER_RESPONSE_HEADERS}. */
    public static final String SERVER_RESPONSE_HEADERS_ALIAS = "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_RESPONSE";

    /** Request headers recorded on CLIENT spans. */
    public static final String CLIENT_REQUEST_HEADERS = "otel.instrumentation.http.client.capture-request-headers";
    /** Response headers recorded on CLIENT spans. */
    public static final String CLIENT_RESPONSE_HEADERS = "otel.instrumentation.http.client.capture-response-headers";

    /** Captured headers whose values are replaced by {@code [REDACTED]}, on top of the built-in ones. */
    public static final String SANITIZE_FIELDS = "otel.instrumentation.http.capture-headers.sanitize-fields";
    /** Python alias of {@link #SANITIZE_FIELDS}. */
    public static final String SANITIZE_FIELDS_ALIAS = "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SANITIZE_FIELDS";

    /** Comma-separated regular expressions; a request whose path (with context root, without query) contains a match is not traced. */
    public static final String SERVER_EXCLUDED_URLS = "otel.instrumentation.http.server.excluded-urls";
    /** Python alias of {@link #SERVER_EXCLUDED_URLS}. */
    public static final String SERVER_EXCLUDED_URLS_ALIAS = "OTEL_PYTHON_EXCLUDED_URLS";

    /**
     * Comma-separated regular expressions, searched in the request path like
     * {@link #SERVER_EXCLUDED_URLS}: a matching request never continues the caller's trace context.
     * Its SERVER span starts a new trace with a link to the caller's span, and the caller's baggage
     * and {@code tracestate} are dropped. For public endpoints, whose callers may send any
     * {@code traceparent} (to join someone else's trace or force sampling); {@code ^/} covers every path.
     */
    public static final String SERVER_UNTRUSTED_CONTEXT_URLS = "otel.instrumentation.http.server.untrusted-context-urls";

    /** Replaces the set of HTTP methods reported as they are (default: RFC 9110, PATCH, QUERY); any other is reported as {@code _OTHER}. */
    public static final String KNOWN_METHODS = "otel.instrumentation.http.known-methods";

    /** Query parameters whose values are recorded as {@code REDACTED} in {@code url.query} and {@code url.full}; replaces the default list. */
    public static final String REDACT_QUERY_PARAMETERS = "otel.instrumentation.http.redact-query-parameters";

    /** {@code true} keeps a template such as {@code {id: [0-9]+}} in {@code http.route} as written, instead of {@code {id}}. */
    public static final String ROUTE_KEEP_REGEX = "otel.instrumentation.http.server.route.keep-regex";

    /**
     * {@code true} adds the experimental HTTP server metrics: {@code http.server.active_requests} and
     * the request and response body sizes (bytes actually read and written).
     */
    public static final String SERVER_EMIT_EXPERIMENTAL_TELEMETRY = "otel.instrumentation.http.server.emit-experimental-telemetry";

    /** {@code true} records the JVM's runtime metrics (memory, GC, threads, classes, CPU) with this application's SDK. */
    public static final String RUNTIME_TELEMETRY_ENABLED = "otel.instrumentation.runtime-telemetry.enabled";

    /**
     * {@code true} (the default) puts {@code trace_id}, {@code span_id} and {@code trace_flags} of the
     * SERVER span into SLF4J's MDC and Log4j 2's ThreadContext while the request is served, where
     * those are on the application's class path.
     */
    public static final String LOG_CORRELATION_ENABLED = "otel.instrumentation.log-correlation.enabled";
    /** Python alias of {@link #LOG_CORRELATION_ENABLED}. */
    public static final String LOG_CORRELATION_ENABLED_ALIAS = "OTEL_PYTHON_LOG_CORRELATION";

    /**
     * The SDK's metric exporters; {@code none} also spares each request the work of recording the
     * HTTP metrics nobody would read.
     */
    public static final String METRICS_EXPORTER = "otel.metrics.exporter";

    /**
     * The SDK's log exporters ({@code otlp}, {@code console}, {@code none}); anything but {@code none}
     * also bridges the application's {@code java.util.logging} records to OpenTelemetry logs.
     */
    public static final String LOGS_EXPORTER = "otel.logs.exporter";

    /** The SDK's service name, also how otel-cdi names the application in its log lines. */
    public static final String SERVICE_NAME = "otel.service.name";

    /**
     * What otel-cdi does when the OpenTelemetry Java agent is attached: {@code agent} (the default)
     * builds no SDK and records into the agent's pipeline, naming and enriching the agent's SERVER
     * spans instead of starting its own; {@code own} builds otel-cdi's SDK as without the agent,
     * which works only where the agent's API bridge is off
     * ({@code otel.instrumentation.opentelemetry-api.enabled=false}), and then every request is
     * traced by both.
     */
    public static final String AGENT_PIPELINE = "otel-cdi.agent.pipeline";
    /** {@link #AGENT_PIPELINE} value: record into the agent's pipeline. */
    public static final String AGENT_PIPELINE_AGENT = "agent";
    /** {@link #AGENT_PIPELINE} value: build otel-cdi's own SDK. */
    public static final String AGENT_PIPELINE_OWN = "own";

    private SettingKeys() {
    }
}
