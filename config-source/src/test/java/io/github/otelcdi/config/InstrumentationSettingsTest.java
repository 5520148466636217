package io.github.otelcdi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class InstrumentationSettingsTest {

    @Test
    void defaultsAreSafe() {
        InstrumentationSettings settings = InstrumentationSettings.read(TestConfigs.of(Map.of()));
        assertTrue(settings.sdkDisabled());
        assertEquals(List.of(), settings.serverRequestHeaders());
        assertEquals(InstrumentationSettings.ALWAYS_SANITIZED, settings.sanitizedHeaders());
        assertEquals(InstrumentationSettings.DEFAULT_KNOWN_METHODS, settings.knownMethods());
        assertTrue(settings.knownMethods().contains("QUERY"));
        assertTrue(settings.redactedQueryParameters().contains("X-Amz-Signature"));
        assertFalse(settings.keepRouteRegex());
        assertFalse(settings.isExcluded("/anything"));
        assertFalse(settings.hasUntrustedContextUrls());
        assertFalse(settings.isUntrustedContext("/anything"));
    }

    @Test
    void untrustedContextUrlsAreSearchedInThePathAndValidated() {
        InstrumentationSettings settings = InstrumentationSettings.read(TestConfigs.of(Map.of(
                SettingKeys.SERVER_UNTRUSTED_CONTEXT_URLS, "^/shop/api/public/, /webhooks$")));
        assertTrue(settings.hasUntrustedContextUrls());
        assertTrue(settings.isUntrustedContext("/shop/api/public/orders"));
        assertTrue(settings.isUntrustedContext("/hooks/webhooks"));
        assertFalse(settings.isUntrustedContext("/shop/api/internal/orders"));
        assertFalse(settings.isExcluded("/shop/api/public/orders"), "untrusted is not excluded");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(SettingKeys.SERVER_UNTRUSTED_CONTEXT_URLS, "(public"))));
        assertTrue(bad.getMessage().contains(SettingKeys.SERVER_UNTRUSTED_CONTEXT_URLS), bad.getMessage());
        assertTrue(bad.getMessage().contains("(public"), bad.getMessage());
    }

    @Test
    void javaKeysAreReadAndNormalised() {
        InstrumentationSettings settings = InstrumentationSettings.read(TestConfigs.of(Map.of(
                SettingKeys.SDK_DISABLED, "FALSE",
                SettingKeys.SERVER_REQUEST_HEADERS, " X-Tenant , ,Accept-Language",
                SettingKeys.SANITIZE_FIELDS, "X-Api-Key",
                SettingKeys.KNOWN_METHODS, "GET,POST,PURGE",
                SettingKeys.REDACT_QUERY_PARAMETERS, "token, sig",
                SettingKeys.ROUTE_KEEP_REGEX, "true")));
        assertFalse(settings.sdkDisabled());
        assertEquals(List.of("x-tenant", "accept-language"), settings.serverRequestHeaders());
        assertTrue(settings.sanitizedHeaders().containsAll(Set.of("x-api-key", "authorization", "cookie", "set-cookie", "proxy-authorization")));
        assertEquals(Set.of("GET", "POST", "PURGE"), settings.knownMethods());
        assertTrue(settings.keepRouteRegex());
        assertEquals(Set.of("token", "sig"), settings.redactedQueryParameters());
    }

    @Test
    void pythonAliasesAreAcceptedFromTheEnvironment() {
        InstrumentationSettings settings = InstrumentationSettings.read(TestConfigs.of(Map.of(), Map.of(
                SettingKeys.SERVER_REQUEST_HEADERS_ALIAS, "x-request-id",
                SettingKeys.SERVER_RESPONSE_HEADERS_ALIAS, "content-type",
                SettingKeys.SANITIZE_FIELDS_ALIAS, "x-secret",
                SettingKeys.SERVER_EXCLUDED_URLS_ALIAS, "healthz,^/metrics$")));
        assertEquals(List.of("x-request-id"), settings.serverRequestHeaders());
        assertEquals(List.of("content-type"), settings.serverResponseHeaders());
        assertTrue(settings.sanitizedHeaders().contains("x-secret"));
        assertTrue(settings.isExcluded("/api/healthz"));
        assertTrue(settings.isExcluded("/metrics"));
        assertFalse(settings.isExcluded("/app/metrics"));
    }

    @Test
    void logCorrelationIsOnByDefaultAndTheLogBridgeFollowsTheLogExporter() {
        InstrumentationSettings defaults = InstrumentationSettings.read(TestConfigs.of(Map.of()));
        assertTrue(defaults.logCorrelation());
        assertFalse(defaults.logsExported(), "otel.logs.exporter unset: none");
        assertFalse(InstrumentationSettings.read(TestConfigs.of(Map.of(), Map.of(
                SettingKeys.LOG_CORRELATION_ENABLED_ALIAS, "False"))).logCorrelation(), "the Python switch works too");
        assertFalse(InstrumentationSettings.read(TestConfigs.of(Map.of(SettingKeys.LOGS_EXPORTER, "none"))).logsExported());
        assertTrue(InstrumentationSettings.read(TestConfigs.of(Map.of(SettingKeys.LOGS_EXPORTER, " none , otlp"))).logsExported());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(SettingKeys.LOG_CORRELATION_ENABLED, "yes"))));
        assertTrue(bad.getMessage().contains(SettingKeys.LOG_CORRELATION_ENABLED), bad.getMessage());
    }

    @Test
    void javaKeyWinsOverPythonAlias() {
        InstrumentationSettings settings = InstrumentationSettings.read(TestConfigs.of(
                Map.of(SettingKeys.SERVER_EXCLUDED_URLS, "^/java$"),
                Map.of(SettingKeys.SERVER_EXCLUDED_URLS_ALIAS, "^/python$")));
        assertTrue(settings.isExcluded("/java"));
        assertFalse(settings.isExcluded("/python"));
    }

    @Test
    void bothJavaKeyAndAliasSetIsSaidOnce() {
        Logger logger = Logger.getLogger(SettingsReader.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            InstrumentationSettings.read(TestConfigs.of(
                    Map.of(SettingKeys.SERVER_REQUEST_HEADERS, "x-java"),
                    Map.of(SettingKeys.SERVER_REQUEST_HEADERS_ALIAS, "x-python")));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        String message = MessageFormat.format(records.get(0).getMessage(), records.get(0).getParameters());
        assertTrue(message.contains(SettingKeys.SERVER_REQUEST_HEADERS + " wins: 'x-java'"), message);
        assertTrue(message.contains("ignored: 'x-python'"), message);
    }

    @Test
    void environmentSpellingOfJavaKeyWorks() {
        InstrumentationSettings settings = InstrumentationSettings.read(TestConfigs.of(Map.of(),
                Map.of("OTEL_INSTRUMENTATION_HTTP_SERVER_CAPTURE_REQUEST_HEADERS", "x-b3")));
        assertEquals(List.of("x-b3"), settings.serverRequestHeaders());
    }

    @Test
    void badRegexNamesKeyValueAndProblem() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(), Map.of(SettingKeys.SERVER_EXCLUDED_URLS_ALIAS, "ok,(open"))));
        assertEquals(SettingKeys.SERVER_EXCLUDED_URLS_ALIAS, e.key());
        assertEquals("ok,(open", e.value());
        assertTrue(e.getMessage().contains("regular expressions") && e.getMessage().contains("'(open' does not compile"), e.getMessage());
    }

    @Test
    void badHeaderNameIsRejected() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(SettingKeys.SERVER_RESPONSE_HEADERS, "content-type,bad header"))));
        assertEquals(SettingKeys.SERVER_RESPONSE_HEADERS, e.key());
        assertTrue(e.getMessage().contains("'bad header' is not a header name"), e.getMessage());
    }

    @Test
    void badBooleanAndMethodAreRejected() {
        assertThrows(InvalidSettingException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(SettingKeys.ROUTE_KEEP_REGEX, "yes"))));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(SettingKeys.KNOWN_METHODS, "GET,PO ST"))));
        assertTrue(e.getMessage().contains("method"), e.getMessage());
    }

    @Test
    void agentPipelineJoinsByDefaultAndAcceptsOwnOnly() {
        assertTrue(InstrumentationSettings.read(TestConfigs.of(Map.of())).joinsAgent());
        assertFalse(InstrumentationSettings.read(TestConfigs.of(Map.of(SettingKeys.AGENT_PIPELINE, " OWN "))).joinsAgent());
        assertTrue(InstrumentationSettings.read(TestConfigs.of(Map.of(SettingKeys.AGENT_PIPELINE, "agent"))).joinsAgent());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> InstrumentationSettings.read(
                TestConfigs.of(Map.of(SettingKeys.AGENT_PIPELINE, "both"))));
        assertEquals(SettingKeys.AGENT_PIPELINE, e.key());
        assertTrue(e.getMessage().contains("agent or own"), e.getMessage());
    }
}
