package io.github.otelcdi.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures the suite proves, printed in the build output and appended to
 * {@code target/reliability-figures.txt} (system property {@code reliability.figures}).
 */
final class Figures {

    private Figures() {
    }

    static void print(String test, String figures) {
        String line = "[reliability] " + test + ": " + figures;
        System.out.println(line);
        String file = System.getProperty("reliability.figures");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
