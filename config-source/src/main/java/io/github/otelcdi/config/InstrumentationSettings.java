package io.github.otelcdi.config;

import io.github.otelcdi.config.internal.ApplicationConfig;
import io.github.otelcdi.config.internal.PathPatterns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * otel-cdi's own instrumentation settings, read once from MicroProfile Config and validated.
 *
 * <p>Immutable: the instance read at start-up is the one every request uses, so nothing is parsed
 * or compiled per request. See {@link SettingKeys} for the keys and their aliases.
 */
public final class InstrumentationSettings {

    /** Header values always replaced by {@code [REDACTED]} when captured, whatever is configured. */
    public static final Set<String> ALWAYS_SANITIZED = Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");

    /** HTTP methods reported as they are unless {@link SettingKeys#KNOWN_METHODS} says otherwise: RFC 9110, PATCH and QUERY. */
    public static final Set<String> DEFAULT_KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "QUERY");

    /** Query parameters whose values are replaced by {@code REDACTED} unless {@link SettingKeys#REDACT_QUERY_PARAMETERS} says otherwise. */
    public static final Set<String> DEFAULT_REDACTED_QUERY_PARAMETERS = Set.of("AWSAccessKeyId", "Signature", "sig",
            "X-Goog-Signature", "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token");

    private final boolean sdkDisabled;
    private final List<String> serverRequestHeaders;
    private final List<String> serverResponseHeaders;
    private final List<String> clientRequestHeaders;
    private final List<String> clientResponseHeaders;
    private final Set<String> sanitizedHeaders;
    private final PathPatterns excludedUrls;
    private final PathPatterns untrustedContextUrls;
    private final Set<String> knownMethods;
    private final Set<String> redactedQueryParameters;
    private final boolean keepRouteRegex;
    private final boolean experimentalServerTelemetry;
    private final boolean runtimeTelemetry;
    private final boolean logCorrelation;
    private final boolean logsExported;
    private final boolean metricsExported;
    private final boolean joinsAgent;

    InstrumentationSettings(boolean sdkDisabled, List<String> serverRequestHeaders, List<String> serverResponseHeaders,
            List<String> clientRequestHeaders, List<String> clientResponseHeaders, Set<String> sanitizedHeaders,
            List<Pattern> excludedUrls, List<Pattern> untrustedContextUrls, Set<String> knownMethods, Set<String> redactedQueryParameters, boolean keepRouteRegex,
            boolean experimentalServerTelemetry, boolean runtimeTelemetry, boolean logCorrelation, boolean logsExported,
            boolean metricsExported, boolean joinsAgent) {
        this.sdkDisabled = sdkDisabled;
        this.serverRequestHeaders = List.copyOf(serverRequestHeaders);
        this.serverResponseHeaders = List.copyOf(serverResponseHeaders);
        this.clientRequestHeaders = List.copyOf(clientRequestHeaders);
        this.clientResponseHeaders = List.copyOf(clientResponseHeaders);
        this.sanitizedHeaders = Set.copyOf(sanitizedHeaders);
        this.excludedUrls = PathPatterns.of(excludedUrls);
        this.untrustedContextUrls = PathPatterns.of(untrustedContextUrls);
        this.knownMethods = Set.copyOf(knownMethods);
        this.redactedQueryParameters = Set.copyOf(redactedQueryParameters);
        this.keepRouteRegex = keepRouteRegex;
        this.experimentalServerTelemetry = experimentalServerTelemetry;
        this.runtimeTelemetry = runtimeTelemetry;
        this.logCorrelation = logCorrelation;
        this.logsExported = logsExported;
        this.metricsExported = metricsExported;
        this.joinsAgent = joinsAgent;
    }

    /**
     * Reads and validates the settings.
     *
     * @param config the application's configuration
     * @return the settings
     * @throws InvalidSettingException when a value cannot be used; the message names key, value and expected form
     */
    public static InstrumentationSettings read(Config config) {
        return new SettingsReader(config).read();
    }

    /**
     * Reads and validates the settings from plain properties, for applications set up without
     * MicroProfile Config (see {@code JaxRsTelemetry}); the keys and values are those of
     * {@link SettingKeys}, exactly as in {@code microprofile-config.properties}.
     *
     * @param properties the settings by key; keys not set keep their defaults
     * @return the settings
     * @throws InvalidSettingException when a value cannot be used; the message names key, value and expected form
     */
    public static InstrumentationSettings fromProperties(Map<String, String> properties) {
        return read(ApplicationConfig.ofProperties(properties));
    }

    /** @return the settings when nothing is configured */
    public static InstrumentationSettings defaults() {
        return fromProperties(Map.of());
    }

    /** @return whether {@code otel.sdk.disabled} is true (the default): no SDK, no spans */
    public boolean sdkDisabled() {
        return sdkDisabled;
    }

    /** @return lower-case names of request headers to record on SERVER spans */
    public List<String> serverRequestHeaders() {
        return serverRequestHeaders;
    }

    /** @return lower-case names of response headers to record on SERVER spans */
    public List<String> serverResponseHeaders() {
        return serverResponseHeaders;
    }

    /** @return lower-case names of request headers to record on CLIENT spans */
    public List<String> clientRequestHeaders() {
        return clientRequestHeaders;
    }

    /** @return lower-case names of response headers to record on CLIENT spans */
    public List<String> clientResponseHeaders() {
        return clientResponseHeaders;
    }

    /** @return lower-case names of headers whose captured values are redacted, {@link #ALWAYS_SANITIZED} included */
    public Set<String> sanitizedHeaders() {
        return sanitizedHeaders;
    }

    /** @return the excluded-URL patterns, compiled */
    public List<Pattern> excludedUrls() {
        return excludedUrls.patterns();
    }

    /**
     * Whether a request path is excluded from tracing: some pattern is found in it (like
     * {@link java.util.regex.Matcher#find()}), so {@code healthz} excludes {@code /api/healthz}
     * and {@code ^/api/healthz$} excludes exactly that path.
     *
     * @param path the request path including the context root, without the query
     * @return true when no span should be recorded
     */
    public boolean isExcluded(String path) {
        return excludedUrls.foundIn(path);
    }

    /** @return whether some request paths do not continue the caller's trace context */
    public boolean hasUntrustedContextUrls() {
        return !untrustedContextUrls.patterns().isEmpty();
    }

    /**
     * Whether the trace context a caller sends to this path must not be continued (see
     * {@link SettingKeys#SERVER_UNTRUSTED_CONTEXT_URLS}); matched like {@link #isExcluded(String)}.
     *
     * @param path the request path including the context root, without the query
     * @return true when the SERVER span starts a new trace, linked to the caller's span
     */
    public boolean isUntrustedContext(String path) {
        return untrustedContextUrls.foundIn(path);
    }

    /** @return the HTTP methods reported as they are; others are reported as {@code _OTHER} */
    public Set<String> knownMethods() {
        return knownMethods;
    }

    /** @return query parameter names (case-sensitive) whose values are replaced by {@code REDACTED} in recorded URLs */
    public Set<String> redactedQueryParameters() {
        return redactedQueryParameters;
    }

    /** @return whether {@code http.route} keeps regular expressions of path templates as written */
    public boolean keepRouteRegex() {
        return keepRouteRegex;
    }

    /** @return whether the experimental HTTP server metrics (active requests, body sizes) are recorded */
    public boolean experimentalServerTelemetry() {
        return experimentalServerTelemetry;
    }

    /** @return whether this application records the JVM's runtime metrics (off by default: one per JVM is enough) */
    public boolean runtimeTelemetry() {
        return runtimeTelemetry;
    }

    /**
     * @return whether, with the OpenTelemetry Java agent attached, otel-cdi records into the agent's
     *         pipeline ({@link SettingKeys#AGENT_PIPELINE} {@code agent}, the default) rather than its own SDK
     */
    public boolean joinsAgent() {
        return joinsAgent;
    }

    /** @return whether the SERVER span's ids go into SLF4J's MDC / Log4j 2's ThreadContext during requests */
    public boolean logCorrelation() {
        return logCorrelation;
    }

    /** @return whether a log exporter is configured, so the application's JUL records become OpenTelemetry logs */
    public boolean logsExported() {
        return logsExported;
    }

    /** @return whether a metric exporter is configured ({@code otel.metrics.exporter} is not {@code none}) */
    public boolean metricsExported() {
        return metricsExported;
    }
}
