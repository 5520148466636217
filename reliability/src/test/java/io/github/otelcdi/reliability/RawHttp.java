package io.github.otelcdi.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes no HTTP client library would send, and reads the status the server answers:
 * the tool of the hostile-input test.
 */
final class RawHttp {

    /** The server closed the connection without answering. */
    static final int NO_ANSWER = 0;
    /** The server kept waiting for more of the request (e.g. a body announced by a mangled header). */
    static final int STILL_WAITING = -1;

    private RawHttp() {
    }

    /**
     * @param server host and port to connect to
     * @param request the whole request; each char is sent as one byte (ISO-8859-1), so {@code \u0080..\u00ff} are raw bytes
     * @return the status code of the answer, {@link #NO_ANSWER} or {@link #STILL_WAITING} (after 3 s)
     */
    static int status(URI server, String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading a huge request to its end.
            }
            return readStatus(socket.getInputStream());
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            return line.size() == 0 ? STILL_WAITING : NO_ANSWER;
        } catch (IOException e) {
            // Reset by the server: no answer.
        }
        String[] fields = line.toString(StandardCharsets.ISO_8859_1).split(" ");
        if (fields.length < 2 || !fields[0].startsWith("HTTP/")) {
            return NO_ANSWER;
        }
        return Integer.parseInt(fields[1].trim());
    }
}
