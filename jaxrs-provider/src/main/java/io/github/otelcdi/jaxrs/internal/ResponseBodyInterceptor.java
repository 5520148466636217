package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Watches the response body on its way to the client. A client that leaves mid-body is visible
 * only here: the status line has gone out as 200, and runtimes merely log the failed write. Where
 * no runtime signal ends the span, it ends here, once the body is written (or failed to be).
 * Registered with {@link ServerTracingFilter#PRIORITY}, so it is the outermost interceptor and
 * its stream sits right on the container's (below any compression an application adds).
 */
final class ResponseBodyInterceptor implements WriterInterceptor {

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange) || !exchange.traced()) {
            context.proceed();
            return;
        }
        context.setOutputStream(new ObservedOutputStream(context.getOutputStream(), exchange));
        Throwable failure = null;
        try {
            context.proceed();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (exchange.ending() == ServerExchange.Ending.AFTER_WRITE) {
                exchange.end(failure);
            }
        }
    }
}
