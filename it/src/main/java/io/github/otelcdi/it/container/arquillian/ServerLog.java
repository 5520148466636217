package io.github.otelcdi.it.container.arquillian;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * What an application server's log is to the TCKs that read it ({@code mptelemetry.tck.log.file.path}):
 * standard output and every {@code java.util.logging} record, in one file. Test infrastructure:
 * the console exporters write there, otel-cdi itself has no part in it.
 */
final class ServerLog {

    private static final String PATH_PROPERTY = "mptelemetry.tck.log.file.path";
    private static boolean installed;

    private ServerLog() {
    }

    static synchronized void install() {
        String path = System.getProperty(PATH_PROPERTY);
        if (installed || path == null) {
            return;
        }
        PrintStream file;
        try {
            file = new PrintStream(new FileOutputStream(path, false), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server log " + path, e);
        }
        System.setOut(new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8));
        Handler records = new StreamHandler(file, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        Logger.getLogger("").addHandler(records);
        installed = true;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
