package io.github.otelcdi.jaxrs.internal;

import java.util.List;
import java.util.Set;

/**
 * Replaces the values of sanitized headers before they can reach a span attribute, for SERVER
 * and CLIENT spans alike.
 */
public final class HeaderSanitizer {

    static final List<String> REDACTED = List.of("[REDACTED]");

    private final Set<String> sanitizedHeaders;

    /** @param sanitizedHeaders lower-case names whose values are never recorded */
    public HeaderSanitizer(Set<String> sanitizedHeaders) {
        this.sanitizedHeaders = sanitizedHeaders;
    }

    /**
     * @param name the lower-case header name
     * @param values its values as sent, possibly null
     * @return the values to record: none, the values, or {@code [REDACTED]}
     */
    public List<String> values(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return sanitizedHeaders.contains(name) ? REDACTED : values;
    }
}
