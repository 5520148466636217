package io.github.otelcdi.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain-text patterns take a shortcut; every pattern still matches exactly as {@code Matcher.find()} does. */
class PathPatternsTest {

    private static final List<String> PATHS = List.of("/", "/health", "/api/health", "/healthz", "/api/items/42",
            "/API/items", "/a.b", "/axb", "/x/metrics$", "/metrics", "");

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {"^/health", "health", "^/api/items/", "/items/", "^/health$", "a.b", "^/a\\.b",
            "^$", "^", "metrics$", "^/(health|metrics)", "[0-9]+", "^/API"})
    void matchesLikeFind(String regex) {
        Pattern pattern = Pattern.compile(regex);
        PathPatterns patterns = PathPatterns.of(List.of(pattern));
        for (String path : PATHS) {
            assertEquals(pattern.matcher(path).find(), patterns.foundIn(path), regex + " in " + path);
        }
    }

    @Test
    void flagsAreNeverTakenForPlainText() {
        Pattern pattern = Pattern.compile("^/api", Pattern.CASE_INSENSITIVE);
        PathPatterns patterns = PathPatterns.of(List.of(pattern));
        assertEquals(true, patterns.foundIn("/API/items"));
        assertEquals(false, patterns.foundIn("/health"));
    }

    @Test
    void anyOfSeveral() {
        PathPatterns patterns = PathPatterns.of(List.of(Pattern.compile("^/health"), Pattern.compile("metrics"),
                Pattern.compile("^/items/[0-9]+$")));
        assertEquals(List.of(true, true, true, false), List.of(patterns.foundIn("/healthz"), patterns.foundIn("/q/metrics"),
                patterns.foundIn("/items/7"), patterns.foundIn("/items/x")));
        assertEquals(3, patterns.patterns().size());
        assertEquals(false, PathPatterns.of(List.of()).foundIn("/"));
    }
}
