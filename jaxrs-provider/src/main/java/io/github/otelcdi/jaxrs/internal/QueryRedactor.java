package io.github.otelcdi.jaxrs.internal;

import java.util.Set;

/**
 * Replaces the values of sensitive query parameters ({@code X-Amz-Signature=...}) by
 * {@code REDACTED} before a URL is recorded. Parameter names are compared as sent (not decoded,
 * case-sensitive), as the semantic conventions list them. A query without such a parameter is
 * returned as it is, without copying.
 */
public final class QueryRedactor {

    static final String REDACTED = "REDACTED";

    private final Set<String> names;

    /** @param names the parameter names whose values are hidden */
    public QueryRedactor(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /**
     * @param rawQuery the query as sent, without {@code ?}; may be null
     * @return the query with sensitive values replaced
     */
    public String redact(String rawQuery) {
        if (rawQuery == null || names.isEmpty()) {
            return rawQuery;
        }
        StringBuilder out = null;
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int equals = rawQuery.indexOf('=', start);
            boolean hasValue = equals >= 0 && equals < end;
            boolean sensitive = hasValue && names.contains(rawQuery.substring(start, equals));
            if (sensitive && out == null) {
                out = new StringBuilder(rawQuery.length()).append(rawQuery, 0, start);
            }
            if (out != null) {
                if (sensitive) {
                    out.append(rawQuery, start, equals + 1).append(REDACTED);
                } else {
                    out.append(rawQuery, start, end);
                }
                if (end < rawQuery.length()) {
                    out.append('&');
                }
            }
            start = end + 1;
        }
        return out == null ? rawQuery : out.toString();
    }
}
