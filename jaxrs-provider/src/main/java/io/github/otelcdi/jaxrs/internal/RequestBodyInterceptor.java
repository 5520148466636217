package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the request body bytes the application actually reads, for the experimental
 * {@code http.server.request.body.size} metric. Registered only when that metric is on.
 */
final class RequestBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange && exchange.traced()) {
            context.setInputStream(new CountingInputStream(context.getInputStream(), exchange));
        }
        return context.proceed();
    }

    private static final class CountingInputStream extends FilterInputStream {

        private final ServerExchange exchange;

        CountingInputStream(InputStream in, ServerExchange exchange) {
            super(in);
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                exchange.requestBodyRead(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                exchange.requestBodyRead(n);
            }
            return n;
        }
    }
}
