package io.github.otelcdi.jaxrs.internal;

/**
 * Takes out of an incoming {@code baggage} header the members the OpenTelemetry API would skip
 * with a WARNING of its own (1.6x: a value with a {@code %} not followed by two hex digits, with
 * the stack trace; metadata with a character the W3C grammar does not allow). Those members are
 * dropped by the API anyway; the header comes from outside, and one log line per request for it is
 * a flood anyone can cause. Every other member, valid or not, is left for the API to judge, so
 * what reaches the baggage is exactly what it would have kept.
 */
final class BaggageScreen {

    private BaggageScreen() {
    }

    /**
     * @param header the {@code baggage} header as received, or {@code null}
     * @return the header without the members the API would warn about
     */
    static String screen(String header) {
        if (header == null || (header.indexOf('%') < 0 && header.indexOf(';') < 0)) {
            return header;
        }
        StringBuilder kept = null;
        int start = 0;
        int length = header.length();
        while (start <= length) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            boolean warns = warns(header, start, end);
            if (warns && kept == null) {
                kept = new StringBuilder(length).append(header, 0, Math.max(0, start - 1));
            } else if (!warns && kept != null) {
                if (kept.length() > 0) {
                    kept.append(',');
                }
                kept.append(header, start, end);
            }
            start = end + 1;
        }
        return kept == null ? header : kept.toString();
    }

    private static boolean warns(String header, int start, int end) {
        int metadata = header.indexOf(';', start);
        int valueEnd = metadata >= 0 && metadata < end ? metadata : end;
        int equals = header.indexOf('=', start);
        if (equals >= 0 && equals < valueEnd) {
            int last = valueEnd;
            while (last > equals + 1 && (header.charAt(last - 1) == ' ' || header.charAt(last - 1) == '\t')) {
                last--;
            }
            // The API decodes the value's "%" and the two characters after it, and fails on a
            // non-hex one; a "%" too close to the value's end is cut off without a word.
            for (int i = equals + 1; i < last; i++) {
                if (header.charAt(i) == '%' && ((i + 1 < last && !hex(header.charAt(i + 1)))
                        || (i + 2 < last && !hex(header.charAt(i + 2))))) {
                    return true;
                }
            }
        }
        for (int i = valueEnd + 1; i < end; i++) {
            if (!metadataChar(header.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean metadataChar(char c) {
        return c == '\t' || (c >= ' ' && c <= '~' && c != '"' && c != ',' && c != '\\');
    }
}
