package io.github.otelcdi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the shaded bundle holds: every class of the libraries it shades, except the part of Kotlin's
 * standard library (and of JetBrains' annotations) that no class of the bundle reaches.
 */
class BundleContentIT {

    /** The shaded jar, as the build made it. */
    static final String BUNDLE = System.getProperty("bundle.jar");
    /** The packages the build minimizes; every other library is shaded whole. */
    private static final List<String> MINIMIZED = List.of("kotlin.", "org.jetbrains.", "org.intellij.");
    /** {@code jdeps -verbose:class}: {@code   origin   -> target   not found}. */
    private static final Pattern NOT_FOUND = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+not found\\s*$");

    private static Set<String> bundled;

    @BeforeAll
    static void readBundle() throws IOException {
        bundled = entries(Path.of(BUNDLE));
    }

    @Test
    void keepsEveryClassOfTheLibrariesItShadesWhole() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String jar : classPathIn("bundle.inputs")) {
            for (String entry : entries(Path.of(jar))) {
                if (entry.endsWith(".class") && !entry.endsWith("module-info.class") && !bundled.contains(entry)) {
                    missing.add(entry + " (" + Path.of(jar).getFileName() + ")");
                }
            }
        }
        assertEquals(List.of(), missing.stream().limit(20).toList(), missing.size() + " classes are missing");
    }

    @Test
    void keepsEveryMinimizedClassThatABundledClassRefersTo() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            // -filter:none: by default jdeps hides references within a package, most of Kotlin's.
            int exit = jdeps.run(out, out, "--multi-release", "17", "-verbose:class", "-filter:none", "-cp", BUNDLE, BUNDLE);
            assertEquals(0, exit, printed.toString(StandardCharsets.UTF_8));
        }
        Set<String> missing = new TreeSet<>();
        int kotlinReferences = 0;
        int serverApiReferences = 0;
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("-> kotlin.")) {
                kotlinReferences++;
            }
            Matcher notFound = NOT_FOUND.matcher(line);
            if (notFound.matches() && isMinimized(notFound.group(2))) {
                missing.add(notFound.group(1) + " -> " + notFound.group(2));
            } else if (notFound.matches() && notFound.group(2).startsWith("jakarta.")) {
                serverApiReferences++;
            }
        }
        // The server's APIs are never in the bundle: unless jdeps reports them missing, its output
        // is no longer what this test reads, and a missing Kotlin class would go unseen too.
        assertTrue(kotlinReferences > 100 && serverApiReferences > 0,
                "jdeps' output is not what this test reads: " + kotlinReferences + " references to Kotlin, "
                        + serverApiReferences + " to missing Jakarta classes");
        assertEquals(List.of(), missing.stream().limit(20).toList(),
                missing.size() + " references to classes the bundle left out");
    }

    @Test
    void leavesOutTheKotlinThatNothingReaches() throws IOException {
        // From the build, not from the class path: there the bundle itself comes first.
        List<String> stdlib = classPathIn("kotlin.stdlib");
        assertEquals(1, stdlib.size(), "Kotlin's standard library: " + stdlib);
        long inStdlib = entries(Path.of(stdlib.get(0))).stream().filter(e -> e.endsWith(".class")).count();
        long inBundle = bundled.stream().filter(e -> e.startsWith("kotlin/") && e.endsWith(".class")).count();
        assertTrue(inBundle > 0 && inBundle < inStdlib * 0.8,
                "Kotlin classes in the bundle: " + inBundle + " of the standard library's " + inStdlib);
    }

    private static boolean isMinimized(String className) {
        return MINIMIZED.stream().anyMatch(className::startsWith);
    }

    /** @return the jars of a class path the build wrote to the file that the system property names */
    private static List<String> classPathIn(String property) throws IOException {
        String written = Files.readString(Path.of(System.getProperty(property))).trim();
        return List.of(written.split(Pattern.quote(File.pathSeparator)));
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
