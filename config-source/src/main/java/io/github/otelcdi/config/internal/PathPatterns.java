package io.github.otelcdi.config.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * URL path patterns, matched the way the settings document ({@code find}, so a pattern matches
 * anywhere unless anchored), compiled once. A pattern that is plain text, optionally anchored with
 * {@code ^}, is matched with {@code startsWith} or {@code contains}: that is how most exclusions
 * read ({@code ^/health}), and it spares every request a {@code Matcher}.
 */
public final class PathPatterns {

    private static final PathPatterns NONE = new PathPatterns(List.of());
    private static final Pattern PLAIN_TEXT = Pattern.compile("\\^?[^\\\\.\\[\\]{}()*+?^$|]*");

    private final List<Pattern> patterns;
    private final String[] prefixes;
    private final String[] infixes;
    private final Pattern[] regexes;

    private PathPatterns(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.prefixes = patterns.stream().filter(PathPatterns::plain).map(Pattern::pattern)
                .filter(text -> text.startsWith("^")).map(text -> text.substring(1)).toArray(String[]::new);
        this.infixes = patterns.stream().filter(PathPatterns::plain).map(Pattern::pattern)
                .filter(text -> !text.startsWith("^")).toArray(String[]::new);
        this.regexes = patterns.stream().filter(pattern -> !plain(pattern)).toArray(Pattern[]::new);
    }

    /**
     * @param patterns the compiled patterns
     * @return them, ready to match
     */
    public static PathPatterns of(List<Pattern> patterns) {
        return patterns.isEmpty() ? NONE : new PathPatterns(patterns);
    }

    private static boolean plain(Pattern pattern) {
        // Flags compiled into the pattern (CASE_INSENSITIVE) change what plain text means.
        return pattern.flags() == 0 && PLAIN_TEXT.matcher(pattern.pattern()).matches();
    }

    /** @return the patterns, as configured */
    public List<Pattern> patterns() {
        return patterns;
    }

    /**
     * @param path a request path
     * @return whether any pattern is found in it
     */
    public boolean foundIn(String path) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        for (String infix : infixes) {
            if (path.contains(infix)) {
                return true;
            }
        }
        for (Pattern regex : regexes) {
            if (regex.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }
}
