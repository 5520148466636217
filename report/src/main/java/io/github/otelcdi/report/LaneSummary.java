package io.github.otelcdi.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One line per runtime lane at the end of the build: how many tests of the behaviour suite, the
 * MicroProfile Telemetry TCKs and the other tests ran there, passed, failed and were skipped, read
 * from the JUnit XML reports the lanes wrote (their names carry the lane, e.g.
 * {@code TEST-...-wildfly-microprofile.xml}). Also written as a Markdown table.
 *
 * <p>Arguments: the project's root folder, the Markdown file to write, the JDK 25 the Java 25 lane
 * looks for, whether this is the quick build, whether tests are skipped, then one {@code lane=runtime stack} per row of the
 * README's compatibility table ({@link CompatibilityTable}), which a full build rewrites.
 */
public final class LaneSummary {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String[] REPORT_FOLDERS = {"it/target/surefire-reports", "tck/target/surefire-reports",
        "servers/target/failsafe-reports", "reliability/target/surefire-reports", "testing/target/surefire-reports", "demo/target/surefire-reports",
        "ee11/target/surefire-reports"};
    private static final Pattern JAVA = Pattern.compile("<property name=\"java\\.specification\\.version\" value=\"([^\"]+)\"");

    private LaneSummary() {
    }

    /** Counts of one kind of tests on one lane. */
    private static final class Counts {
        int tests;
        int failed;
        int skipped;

        void add(Map<String, String> suite) {
            tests += number(suite.get("tests"));
            failed += number(suite.get("failures")) + number(suite.get("errors"));
            skipped += number(suite.get("skipped"));
        }

        /** @return e.g. {@code 76/76} or {@code 70/76 (6 skipped)} */
        String brief() {
            return (tests - skipped - failed) + "/" + tests + (failed > 0 ? " (" + failed + " FAILED)" : "")
                    + (skipped > 0 ? " (" + skipped + " skipped)" : "");
        }

        @Override
        public String toString() {
            return (tests - skipped - failed) + "/" + tests + " passed" + (failed > 0 ? ", " + failed + " FAILED" : "")
                    + (skipped > 0 ? ", " + skipped + " skipped" : "");
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Map<String, Map<String, Counts>> lanes = new TreeMap<>();
        Map<String, String> javaOfLane = new TreeMap<>();
        for (String folder : REPORT_FOLDERS) {
            Path reports = root.resolve(folder);
            if (!Files.isDirectory(reports)) {
                continue;
            }
            try (Stream<Path> files = Files.list(reports)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                    record(lanes, javaOfLane, folder, file);
                }
            }
        }
        Map<String, String> stacks = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            stacks.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        CompatibilityTable compatibility = new CompatibilityTable(stacks);
        List<String> table = new ArrayList<>();
        table.add("| lane | Java | behaviour suite | MicroProfile Telemetry TCKs | other tests |");
        table.add("|---|---|---|---|---|");
        System.out.println("[lanes] what ran on each runtime:");
        lanes.forEach((lane, kinds) -> {
            String java = javaOfLane.get(lane);
            System.out.println("[lanes] " + lane + " (Java " + java + "): behaviour suite " + show(kinds.get("behaviour")) + "; TCKs "
                    + show(kinds.get("tck")) + "; other " + show(kinds.get("other")));
            table.add("| " + lane + " | " + java + " | " + show(kinds.get("behaviour")) + " | " + show(kinds.get("tck")) + " | "
                    + show(kinds.get("other")) + " |");
            compatibility.add(lane, java, ran(kinds));
        });
        // Only a full run with tests rewrites the README: a quick or test-less one would shrink its table.
        boolean partialRun = Boolean.parseBoolean(args[3]) || Boolean.parseBoolean(args[4]);
        if (!partialRun && !javaOfLane.containsValue("25")) {
            System.out.println("[lanes] Java 25: SKIPPED, no JDK 25 at " + args[2] + " (lane jersey-ee11 ran on this build's JDK; the"
                    + " reliability suite's and Payara Micro 7's Java 25 runs did not run; -Djava25.home=... -Pjava25,payara7 names another)");
        }
        Path markdown = Path.of(args[1]);
        Files.createDirectories(markdown.getParent());
        Files.write(markdown, table);
        Files.write(markdown.resolveSibling("compatibility.md"), compatibility.markdown());
        if (!partialRun) {
            compatibility.writeInto(root.resolve("README.md"));
        }
    }

    /** What ran on one lane, for a cell of the compatibility table. */
    private static String ran(Map<String, Counts> kinds) {
        List<String> parts = new ArrayList<>();
        if (kinds.containsKey("behaviour")) {
            parts.add("suite " + kinds.get("behaviour").brief());
        }
        if (kinds.containsKey("tck")) {
            parts.add("TCKs " + kinds.get("tck").brief());
        }
        if (kinds.containsKey("other")) {
            parts.add("other " + kinds.get("other").brief());
        }
        return String.join(", ", parts);
    }

    private static void record(Map<String, Map<String, Counts>> lanes, Map<String, String> javaOfLane, String folder, Path file)
            throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        Matcher suite = SUITE.matcher(text);
        if (!suite.find()) {
            return;
        }
        Map<String, String> attributes = new TreeMap<>();
        Matcher attribute = ATTRIBUTE.matcher(suite.group(1));
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        String lane = lane(name);
        Matcher java = JAVA.matcher(text);
        if (java.find()) {
            javaOfLane.putIfAbsent(lane, java.group(1));
        }
        String kind = name.contains("-tck") || folder.startsWith("tck") || name.contains("TestSuite") ? "tck"
                : text.contains("io.github.otelcdi.it.") && !text.contains("io.github.otelcdi.it.export.")
                        && !text.contains("io.github.otelcdi.it.agent.") && !text.contains("io.github.otelcdi.it.facade.")
                        && !text.contains("io.github.otelcdi.it.cxf.")
                        ? "behaviour" : "other";
        lanes.computeIfAbsent(lane, l -> new TreeMap<>()).computeIfAbsent(kind, k -> new Counts()).add(attributes);
    }

    /** The lane a report belongs to: the suffix its execution gave it, else the module's only lane. */
    private static String lane(String name) {
        String base = name.substring("TEST-".length(), name.length() - ".xml".length());
        for (String lane : List.of("wildfly-microprofile", "wildfly", "liberty", "payara7", "payara", "resteasy", "owb-cxf", "plain-jersey",
                "jersey-ee11", "jersey-java25", "jersey")) {
            if (base.endsWith("-" + lane) || base.endsWith("-" + lane + "-tck")) {
                return lane;
            }
        }
        return "jersey";
    }

    private static String show(Counts counts) {
        return counts == null ? "-" : counts.toString();
    }

    private static int number(String value) {
        return value == null || value.isBlank() ? 0 : (int) Double.parseDouble(value);
    }
}
