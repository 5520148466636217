package io.github.otelcdi.bench.runner;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (Debian package {@code wrk}), one thread, a few keep-alive connections. */
final class WrkLoad implements Load {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

    private final int connections;

    WrkLoad(int connections) {
        this.connections = connections;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Override
    public Result run(URI uri, Duration duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                uri.toString()).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + out);
        }
        long failed = find(ERRORS, out) == null ? 0 : Long.parseLong(find(ERRORS, out).group(1));
        Matcher sockets = find(SOCKET_ERRORS, out);
        if (sockets != null) {
            for (int i = 1; i <= 4; i++) {
                failed += Long.parseLong(sockets.group(i));
            }
        }
        return new Result(Long.parseLong(required(REQUESTS, out).group(1)), failed,
                Double.parseDouble(required(RATE, out).group(1)), millis(required(P50, out)), millis(required(P99, out)));
    }

    private static double millis(Matcher m) {
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m : null;
    }

    private static Matcher required(Pattern pattern, String text) throws IOException {
        Matcher m = find(pattern, text);
        if (m == null) {
            throw new IOException("unexpected wrk output (" + pattern + "):\n" + text);
        }
        return m;
    }

    @Override
    public String describe() {
        return "wrk -t1 -c" + connections + " --latency";
    }
}
