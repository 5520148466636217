package io.github.otelcdi.jaxrs.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the headers a proxy adds about the original request ({@code Forwarded},
 * {@code X-Forwarded-For}, {@code -Host}, {@code -Proto}) before the semantic-convention extractors
 * read {@code client.address}, {@code server.address}, {@code server.port} and {@code url.scheme}
 * from them: any client can send them, so a value that is no host, port, address or scheme makes the
 * whole header count as absent, and the connection's own values are used instead.
 */
final class ForwardedHeaders {

    private static final String FORWARDED = "forwarded";
    private static final String FORWARDED_FOR = "x-forwarded-for";
    private static final String FORWARDED_HOST = "x-forwarded-host";
    private static final String FORWARDED_PROTO = "x-forwarded-proto";

    private static final String HTTP = "http";
    private static final String HTTPS = "https";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}");
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9._~-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::(\\d{1,5}))?");
    // RFC 7239 nodes: an address, "unknown" or an obfuscated "_name", each with an optional port.
    private static final Pattern NODE = Pattern.compile(
            "(?:[0-9A-Fa-f:.]{2,45}|\\[[0-9A-Fa-f:.]{2,45}\\]|unknown|_[A-Za-z0-9._-]{1,64})(?::(\\d{1,5})|:_[A-Za-z0-9._-]{1,64})?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    private static final int MAX_PORT = 65535;

    private ForwardedHeaders() {
    }

    /**
     * @param name a request header name, lower case
     * @param values its values
     * @return {@code values}, or an empty list when {@code name} is a forwarding header and a value is malformed
     */
    static List<String> checked(String name, List<String> values) {
        if (values.isEmpty() || !forwarding(name)) {
            return values;
        }
        for (String value : values) {
            if (!wellFormed(name, value)) {
                return List.of();
            }
        }
        return values;
    }

    /**
     * @param scheme the scheme the container reports for the request (which may come from a proxy header)
     * @return the scheme, or null when it is none
     */
    static String checkedScheme(String scheme) {
        // Nearly every request: no pattern to run, nothing to lower-case.
        if (HTTP.equals(scheme) || HTTPS.equals(scheme)) {
            return scheme;
        }
        return scheme != null && SCHEME.matcher(scheme).matches() ? scheme.toLowerCase(Locale.ROOT) : null;
    }

    private static boolean forwarding(String name) {
        return name.equals(FORWARDED) || name.equals(FORWARDED_FOR) || name.equals(FORWARDED_HOST) || name.equals(FORWARDED_PROTO);
    }

    private static boolean wellFormed(String name, String value) {
        for (String element : value.split(",", -1)) {
            String item = element.trim();
            boolean ok = switch (name) {
                case FORWARDED_PROTO -> SCHEME.matcher(item).matches();
                case FORWARDED_HOST -> hasPort(HOST, item);
                case FORWARDED_FOR -> hasPort(NODE, item);
                default -> forwardedElement(item);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** One element of {@code Forwarded}: {@code pair *( ";" pair )}, as RFC 7239 writes it. */
    private static boolean forwardedElement(String element) {
        for (String pair : element.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return false;
            }
            String key = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = unquoted(pair.substring(equals + 1).trim());
            boolean ok = switch (key) {
                case "host" -> hasPort(HOST, value);
                case "proto" -> SCHEME.matcher(value).matches();
                case "for", "by" -> hasPort(NODE, value);
                default -> TOKEN.matcher(key).matches();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the value matches, with a port (group 1), when it has one, in 1–65535 */
    private static boolean hasPort(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String port = matcher.group(1);
        return port == null || (Integer.parseInt(port) > 0 && Integer.parseInt(port) <= MAX_PORT);
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
