package io.github.otelcdi.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates malformed and adversarial HTTP requests, reproducibly from a seed: broken and oversized
 * {@code traceparent}, {@code tracestate} with hundreds of members, 100 KB of {@code baggage},
 * control characters in header names and values, unknown methods, absurd paths.
 */
final class HostileInputs {

    /** One generated request: what kind of hostility it is, and its bytes (one char per byte). */
    record Input(String category, String request) {
    }

    private static final String VALID_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String[] TARGETS = {"soak/sync/1", "soak/async/2", "soak/stage/3", "soak/stream/4", "soak/fail/5",
        "soak/health", "nowhere/6"};
    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;
    private final String applicationPath;

    /**
     * @param seed makes the run reproducible
     * @param applicationPath the path of the application, e.g. {@code /hostile/api/}
     */
    HostileInputs(long seed, String applicationPath) {
        this.random = new Random(seed);
        this.applicationPath = applicationPath;
    }

    /** @return {@code perCategory} inputs of each of the six categories */
    List<Input> generate(int perCategory) {
        List<Input> inputs = new ArrayList<>();
        add(inputs, "traceparent", perCategory, () -> request("GET", target(), "traceparent: " + traceparent()));
        add(inputs, "tracestate", perCategory, () -> request("GET", target(), "traceparent: " + VALID_TRACEPARENT,
                "tracestate: " + tracestate()));
        add(inputs, "baggage", perCategory, () -> request("GET", target(), "baggage: " + baggage()));
        add(inputs, "header bytes", perCategory, () -> request("GET", target(), hostileHeader()));
        add(inputs, "method", perCategory, () -> request(method(), target()));
        add(inputs, "path", perCategory, () -> request(pick("GET", "POST", "DELETE"), path()));
        return inputs;
    }

    private static void add(List<Input> inputs, String category, int count, Supplier<String> request) {
        for (int i = 0; i < count; i++) {
            inputs.add(new Input(category, request.get()));
        }
    }

    private String request(String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    private String target() {
        return applicationPath + TARGETS[random.nextInt(TARGETS.length)];
    }

    private String traceparent() {
        switch (random.nextInt(9)) {
            case 0: return mutate(VALID_TRACEPARENT, 1 + random.nextInt(4));
            case 1: return VALID_TRACEPARENT.substring(0, random.nextInt(VALID_TRACEPARENT.length()));
            case 2: return VALID_TRACEPARENT + "-" + text(TCHARS, 1 + random.nextInt(10_000));
            case 3: return VALID_TRACEPARENT.toUpperCase();
            case 4: return pick("ff", "01", "zz", "00") + "-" + hex(32) + "-" + hex(16) + "-" + pick("01", "00", "ff", "1");
            case 5: return "00-00000000000000000000000000000000-" + hex(16) + "-01";
            case 6: return "00-" + hex(32) + "-0000000000000000-01";
            case 7: return controlText(1 + random.nextInt(200));
            default: return " " + VALID_TRACEPARENT + " ,\t" + VALID_TRACEPARENT;
        }
    }

    private String tracestate() {
        int members = 30 + random.nextInt(600);
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                state.append(random.nextInt(20) == 0 ? ",,  ," : ",");
            }
            String key = random.nextInt(10) == 0 ? text(TCHARS, 1 + random.nextInt(300)) : "k" + i + (random.nextBoolean() ? "@vendor" : "");
            state.append(key).append('=').append(random.nextInt(15) == 0 ? text(TCHARS, 4_000) : text("abcdef0123456789", 8));
        }
        return state.toString();
    }

    private String baggage() {
        switch (random.nextInt(4)) {
            case 0: return "big=" + text("abcdefghij", 100 * 1024);
            case 1: {
                StringBuilder baggage = new StringBuilder();
                while (baggage.length() < 100 * 1024) {
                    baggage.append("k").append(baggage.length()).append("=v;prop=").append(text(TCHARS, 5)).append(',');
                }
                return baggage.toString();
            }
            case 2: return "user=%zz%E0%A4%A,tenant=%00%0d%0a,=novalue,nokey=,;;;,%" + text(TCHARS, 1000);
            default: return mutate("user=alice,tenant=acme;ttl=1", 3) + "," + controlText(50);
        }
    }

    private String hostileHeader() {
        switch (random.nextInt(5)) {
            case 0: return "X-Evil: " + controlText(1 + random.nextInt(500));
            case 1: return "X-Ev" + (char) random.nextInt(32) + "il: value";
            case 2: return "X-Evil: first\r\n\tfolded " + controlText(20);
            // (A header line without any colon makes Grizzly wait for more input: not otel-cdi's to test.)
            case 3: return "X Evil : " + text(TCHARS, 20) + "\r\nX-Empty:\r\n:no-name";
            default: return "User-Agent: " + text(TCHARS, 64 * 1024);
        }
    }

    private String method() {
        switch (random.nextInt(5)) {
            case 0: return text(TCHARS, 1 + random.nextInt(64));
            case 1: return pick("get", "Post", "pUT", "PROPFIND", "QUERY", "CONNECT", "TRACE", "BREW");
            case 2: return text(TCHARS, 1_000 + random.nextInt(4_000));
            case 3: return "G" + (char) (1 + random.nextInt(31)) + "T";
            default: return "GET\u00ff\u0080";
        }
    }

    private String path() {
        String app = applicationPath;
        switch (random.nextInt(10)) {
            case 0: return app + "soak/sync/" + text("0123456789", 20 + random.nextInt(200));
            case 1: return app + text("abc/._-~%2F", 2_000 + random.nextInt(14_000));
            case 2: return app + "soak/../../../etc/passwd;jsessionid=" + hex(8);
            case 3: return app + "soak/sync/%00%zz%" + hex(1);
            case 4: return "http://user:secret-password@127.0.0.1" + app + "soak/sync/7?sig=" + hex(16);
            case 5: return "*";
            case 6: return app + "soak/sync/8?" + "p=1&".repeat(1 + random.nextInt(5_000));
            case 7: return app + "soak//sync//9\\x#fragment";
            case 8: return app + "soak/sync/\u00e9\u00ff\u0080" + controlText(3);
            default: return "//" + text(TCHARS, 10) + "/" + mutate(app, 2);
        }
    }

    private String mutate(String text, int edits) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = 0; i < edits && mutated.length() > 0; i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0: mutated.setCharAt(at, (char) random.nextInt(256)); break;
                case 1: mutated.deleteCharAt(at); break;
                default: mutated.insert(at, (char) random.nextInt(256));
            }
        }
        return mutated.toString();
    }

    /** Text with control characters and raw bytes above 0x7f, but no CR or LF (those end the header). */
    private String controlText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = (char) random.nextInt(256);
            text.append(c == '\r' || c == '\n' ? '\u007f' : c);
        }
        return text.toString();
    }

    private String text(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String hex(int length) {
        return text("0123456789abcdef", length);
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
