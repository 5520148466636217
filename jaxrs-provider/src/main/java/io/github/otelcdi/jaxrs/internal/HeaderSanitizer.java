package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Like {@link #values(String, List)}, for a header looked up by name whatever its case: the
     * headers of an outgoing message (a response, a client request) are kept as the application
     * wrote them ({@code Set-Cookie}), and not every runtime compares their names without case.
     *
     * @param name the lower-case header name
     * @param headers the message's headers
     * @return the values to record: none, the values, or {@code [REDACTED]}
     */
    public List<String> valuesIn(String name, MultivaluedMap<String, String> headers) {
        List<String> values = headers.get(name);
        if (values == null) {
            // Only configured headers are looked up, so this runs only when capture is on.
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey())) {
                    values = header.getValue();
                    break;
                }
            }
        }
        return values(name, values);
    }
}
