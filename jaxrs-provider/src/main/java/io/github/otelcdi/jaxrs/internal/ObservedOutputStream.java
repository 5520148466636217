package io.github.otelcdi.jaxrs.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The response body stream of a traced request: counts the bytes, reports a failed write to its
 * exchange. Not a {@code FilterOutputStream}: that allocates a lock object per stream for its
 * close-once guard, which this stream never used (it closes the container's stream directly).
 */
final class ObservedOutputStream extends OutputStream {

    private final OutputStream out;
    private final ServerExchange exchange;

    ObservedOutputStream(OutputStream container, ServerExchange exchange) {
        this.out = container;
        this.exchange = exchange;
        exchange.responseBodyWritten(0);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
            exchange.responseBodyWritten(1);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
            exchange.responseBodyWritten(length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        exchange.writeFailed(e);
        return e;
    }
}
