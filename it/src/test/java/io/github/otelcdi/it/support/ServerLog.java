package io.github.otelcdi.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/**
 * What the server of this lane writes to its log from now on (system property {@value #PROPERTY},
 * set by the server lanes): an operator's view of a deployment that failed. Nothing on lanes
 * without a server log.
 */
public final class ServerLog {

    /** The system property naming the server's log file. */
    public static final String PROPERTY = "otel-cdi.server.log";
    private static final int MAX_BYTES = 1_000_000;

    private final String path;
    private final long start;

    private ServerLog(String path, long start) {
        this.path = path;
        this.start = start;
    }

    /** @return the lane's server log, read from its current end */
    public static ServerLog ofLane() {
        String path = System.getProperty(PROPERTY);
        return new ServerLog(path, path == null ? 0 : length(path));
    }

    /** @return what was written since {@link #ofLane()}, at most a megabyte; empty without a log */
    public String written() {
        if (path == null) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(path, "r")) {
            long from = Math.min(start, file.length());
            byte[] text = new byte[(int) Math.min(MAX_BYTES, file.length() - from)];
            file.seek(from);
            file.readFully(text);
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(server log " + path + " unreadable: " + e + ")";
        }
    }

    private static long length(String path) {
        try (RandomAccessFile file = new RandomAccessFile(path, "r")) {
            return file.length();
        } catch (IOException e) {
            return 0;
        }
    }
}
