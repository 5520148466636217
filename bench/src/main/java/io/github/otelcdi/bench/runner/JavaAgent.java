package io.github.otelcdi.bench.runner;

import io.github.otelcdi.bench.otel.DiscardingExporters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The OpenTelemetry Java agent of the agent variant: its jar (copied by the build, named by the
 * system property {@value #PROPERTY}), and an extension jar holding the benchmark's discarding
 * exporters, which the agent loads through its extension mechanism ({@code otel.javaagent.extensions}).
 *
 * @param jar the agent
 * @param extension the extension jar
 */
record JavaAgent(Path jar, Path extension) {

    /** Where the build put the agent's jar. */
    static final String PROPERTY = "bench.javaagent.jar";

    private static final String EXPORTERS = DiscardingExporters.class.getPackageName().replace('.', '/') + "/";
    private static final List<String> SERVICES = List.of(
            "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider",
            "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider");

    /**
     * @param workDir where the extension jar is written
     * @return the agent, or null when the build named none (the report then has no agent row)
     */
    static JavaAgent find(Path workDir) throws IOException {
        String named = System.getProperty(PROPERTY);
        if (named == null || !Files.isRegularFile(Path.of(named))) {
            return null;
        }
        Files.createDirectories(workDir);
        Path extension = workDir.resolve("bench-agent-extension.jar");
        writeExtension(extension);
        return new JavaAgent(Path.of(named).toAbsolutePath(), extension.toAbsolutePath());
    }

    /** @return the server JVM's options that attach the agent */
    List<String> jvmOptions() {
        return List.of("-javaagent:" + jar, "-Dotel.javaagent.extensions=" + extension);
    }

    private static void writeExtension(Path target) throws IOException {
        Path classes = classesOf(DiscardingExporters.class);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            if (Files.isDirectory(classes)) {
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        if (wanted(name)) {
                            try (InputStream in = Files.newInputStream(file)) {
                                copy(out, name, in);
                            }
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(classes.toFile())) {
                    for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (wanted(entry.getName())) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                copy(out, entry.getName(), in);
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean wanted(String name) {
        return name.startsWith(EXPORTERS) || SERVICES.contains(name);
    }

    private static void copy(JarOutputStream out, String name, InputStream in) throws IOException {
        out.putNextEntry(new JarEntry(name));
        in.transferTo((OutputStream) out);
        out.closeEntry();
    }

    private static Path classesOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate " + type, e);
        }
    }
}
