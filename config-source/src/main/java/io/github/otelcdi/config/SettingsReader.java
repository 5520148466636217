package io.github.otelcdi.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.microprofile.config.Config;

/** Reads {@link InstrumentationSettings} from MicroProfile Config, rejecting values it cannot use. */
final class SettingsReader {

    private static final String HEADER_LIST = "a comma-separated list of HTTP header names";
    private static final String REGEX_LIST = "a comma-separated list of Java regular expressions";
    private static final String METHOD_LIST = "a comma-separated list of HTTP method names (tokens such as GET, PURGE)";
    private static final String BOOLEAN = "true or false";
    private static final String QUERY_LIST = "a comma-separated list of query parameter names";

    private static final Logger LOG = Logger.getLogger(SettingsReader.class.getName());

    private final Config config;

    SettingsReader(Config config) {
        this.config = config;
    }

    InstrumentationSettings read() {
        Set<String> sanitized = new LinkedHashSet<>(InstrumentationSettings.ALWAYS_SANITIZED);
        sanitized.addAll(headers(SettingKeys.SANITIZE_FIELDS, SettingKeys.SANITIZE_FIELDS_ALIAS));
        return new InstrumentationSettings(
                bool(SettingKeys.OTEL_CDI_SDK_DISABLED, null, bool(SettingKeys.SDK_DISABLED, null, true)),
                headers(SettingKeys.SERVER_REQUEST_HEADERS, SettingKeys.SERVER_REQUEST_HEADERS_ALIAS),
                headers(SettingKeys.SERVER_RESPONSE_HEADERS, SettingKeys.SERVER_RESPONSE_HEADERS_ALIAS),
                headers(SettingKeys.CLIENT_REQUEST_HEADERS, null),
                headers(SettingKeys.CLIENT_RESPONSE_HEADERS, null),
                sanitized,
                patterns(SettingKeys.SERVER_EXCLUDED_URLS, SettingKeys.SERVER_EXCLUDED_URLS_ALIAS),
                patterns(SettingKeys.SERVER_UNTRUSTED_CONTEXT_URLS, null),
                methods(SettingKeys.KNOWN_METHODS),
                queryParameters(SettingKeys.REDACT_QUERY_PARAMETERS),
                bool(SettingKeys.ROUTE_KEEP_REGEX, null, false),
                bool(SettingKeys.SERVER_EMIT_EXPERIMENTAL_TELEMETRY, null, false),
                bool(SettingKeys.RUNTIME_TELEMETRY_ENABLED, null, false),
                bool(SettingKeys.LOG_CORRELATION_ENABLED, SettingKeys.LOG_CORRELATION_ENABLED_ALIAS, true),
                exported(SettingKeys.LOGS_EXPORTER, "none"),
                exported(SettingKeys.METRICS_EXPORTER, "otlp"),
                joinsAgent());
    }

    private List<String> headers(String key, String alias) {
        List<String> names = new ArrayList<>();
        Optional<Setting> setting = lookup(key, alias);
        if (setting.isEmpty()) {
            return names;
        }
        for (String item : setting.get().items()) {
            if (!isToken(item)) {
                throw setting.get().invalid(HEADER_LIST + "; '" + item + "' is not a header name");
            }
            names.add(item.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private List<Pattern> patterns(String key, String alias) {
        List<Pattern> patterns = new ArrayList<>();
        Optional<Setting> setting = lookup(key, alias);
        if (setting.isEmpty()) {
            return patterns;
        }
        for (String item : setting.get().items()) {
            try {
                patterns.add(Pattern.compile(item));
            } catch (PatternSyntaxException e) {
                throw setting.get().invalid(REGEX_LIST + "; '" + item + "' does not compile: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
        return patterns;
    }

    private Set<String> methods(String key) {
        Optional<Setting> setting = lookup(key, null);
        if (setting.isEmpty()) {
            return InstrumentationSettings.DEFAULT_KNOWN_METHODS;
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String item : setting.get().items()) {
            if (!isToken(item)) {
                throw setting.get().invalid(METHOD_LIST + "; '" + item + "' is not a method name");
            }
            methods.add(item);
        }
        return methods;
    }

    private Set<String> queryParameters(String key) {
        Optional<Setting> setting = lookup(key, null);
        if (setting.isEmpty()) {
            return InstrumentationSettings.DEFAULT_REDACTED_QUERY_PARAMETERS;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String item : setting.get().items()) {
            if (item.indexOf('&') >= 0 || item.indexOf('=') >= 0) {
                throw setting.get().invalid(QUERY_LIST + "; '" + item + "' contains '&' or '='");
            }
            names.add(item);
        }
        return names;
    }

    private boolean joinsAgent() {
        Optional<Setting> setting = lookup(SettingKeys.AGENT_PIPELINE, null);
        if (setting.isEmpty()) {
            return true;
        }
        String value = setting.get().value().trim();
        if (value.equalsIgnoreCase(SettingKeys.AGENT_PIPELINE_AGENT)) {
            return true;
        }
        if (value.equalsIgnoreCase(SettingKeys.AGENT_PIPELINE_OWN)) {
            return false;
        }
        throw setting.get().invalid(SettingKeys.AGENT_PIPELINE_AGENT + " or " + SettingKeys.AGENT_PIPELINE_OWN);
    }

    /** @param unset what the SDK uses when the key is not set at all */
    private boolean exported(String key, String unset) {
        String exporters = config.getOptionalValue(key, String.class).orElse(unset);
        return Arrays.stream(exporters.split(",")).map(String::trim)
                .anyMatch(name -> !name.isEmpty() && !name.equals("none"));
    }

    private boolean bool(String key, String alias, boolean defaultValue) {
        Optional<Setting> setting = lookup(key, alias);
        if (setting.isEmpty()) {
            return defaultValue;
        }
        String value = setting.get().value().trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw setting.get().invalid(BOOLEAN);
    }

    private Optional<Setting> lookup(String key, String alias) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        Optional<String> aliased = alias == null ? Optional.empty() : config.getOptionalValue(alias, String.class);
        if (value.isPresent()) {
            if (aliased.isPresent()) {
                // Settings are read once per deployment, so this is said once.
                LOG.log(aliased.get().equals(value.get()) ? Level.INFO : Level.WARNING,
                        "otel-cdi: both {0} and its Python alias {1} are set; {0} wins: ''{2}'' (ignored: ''{3}'')",
                        new Object[] {key, alias, value.get(), aliased.get()});
            }
            return Optional.of(new Setting(key, value.get()));
        }
        return aliased.map(v -> new Setting(alias, v));
    }

    /** RFC 9110 token: what a header or method name may consist of. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A value as set, remembering under which name, so errors name what the user wrote. */
    private record Setting(String key, String value) {

        /** Split on every comma, as Python's middleware does, so a regex cannot contain one; items trimmed, empty ones dropped. */
        List<String> items() {
            List<String> items = new ArrayList<>();
            for (String item : value.split(",")) {
                String trimmed = item.trim();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
            return items;
        }

        InvalidSettingException invalid(String expected) {
            return new InvalidSettingException(key, value, expected);
        }
    }
}
