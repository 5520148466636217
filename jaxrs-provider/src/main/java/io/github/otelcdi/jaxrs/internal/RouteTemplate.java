package io.github.otelcdi.jaxrs.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins {@code @Path} values into one route: exactly one slash between segments, no trailing
 * slash (except for the root), and {@code {id: [0-9]+}} shown as {@code {id}} unless asked to keep
 * the regular expression. Runs once per resource method, never per request.
 */
final class RouteTemplate {

    private RouteTemplate() {
    }

    static String join(boolean keepRegex, String... parts) {
        StringBuilder route = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String segment : splitSegments(keepRegex ? part : stripRegex(part))) {
                route.append('/').append(segment);
            }
        }
        return route.length() == 0 ? "/" : route.toString();
    }

    /** Splits on slashes outside braces, so a regex such as {@code {p: a/b}} stays whole. */
    private static List<String> splitSegments(String template) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= template.length(); i++) {
            char c = i < template.length() ? template.charAt(i) : '/';
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '/' && depth == 0) {
                if (i > start) {
                    segments.add(template.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments;
    }

    /** {@code {name : regex}} becomes {@code {name}}; braces inside the regex are balanced by JAX-RS rules. */
    static String stripRegex(String template) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 1;
            int end = i + 1;
            while (end < template.length() && depth > 0) {
                char e = template.charAt(end);
                if (e == '{') {
                    depth++;
                } else if (e == '}') {
                    depth--;
                }
                end++;
            }
            String inside = template.substring(i + 1, depth == 0 ? end - 1 : end);
            int colon = inside.indexOf(':');
            String name = (colon < 0 ? inside : inside.substring(0, colon)).trim();
            out.append('{').append(name).append('}');
            i = end;
        }
        return out.toString();
    }
}
