package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.client.ClientTelemetry;
import io.opentelemetry.context.Context;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import java.util.Deque;
import org.glassfish.jersey.client.spi.PostInvocationInterceptor;
import org.glassfish.jersey.client.spi.PreInvocationInterceptor;

/**
 * The two places only Jersey offers around a client call: before it leaves the caller's thread
 * (so {@code async()} and {@code rx()} calls get the caller's span as parent, though they run on
 * Jersey's executor), and when it fails without a response (connection refused, timeout), which
 * no response filter ever sees.
 */
public final class JerseyClientInvocations implements PreInvocationInterceptor, PostInvocationInterceptor {

    private final ClientTelemetry telemetry;

    /** @param telemetry the telemetry of the client it is registered on */
    public JerseyClientInvocations(ClientTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void beforeRequest(ClientRequestContext request) {
        request.setProperty(ClientTelemetry.CALLER_CONTEXT, Context.current());
    }

    @Override
    public void afterRequest(ClientRequestContext request, ClientResponseContext response) {
        // The response filter has ended the span already; this covers a filter chain cut short.
        telemetry.end(request, response, null);
    }

    @Override
    public void onException(ClientRequestContext request, ExceptionContext exceptionContext) {
        telemetry.end(request, exceptionContext.getResponseContext().orElse(null), cause(exceptionContext.getThrowables()));
    }

    /** Jersey wraps what went wrong in a ProcessingException; {@code error.type} names the real failure. */
    private static Throwable cause(Deque<Throwable> throwables) {
        Throwable failure = throwables.peekFirst();
        while (failure instanceof ProcessingException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
