package io.github.otelcdi.jaxrs.internal.cxf;

import io.github.otelcdi.jaxrs.internal.client.ClientTelemetry;
import jakarta.ws.rs.ProcessingException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxrs.client.spec.ClientRequestContextImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Ends the CLIENT span of a CXF client call that fails without a response (connection refused, a
 * timeout), which no response filter sees: CXF unwinds the client's out chain when sending fails,
 * and this interceptor, first in the chain, is told. On the bus's out chain; on a server's
 * responses, and on calls that succeed, it does nothing.
 */
final class CxfClientFailures extends AbstractPhaseInterceptor<Message> {

    CxfClientFailures() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        // The call goes on; only its failure matters here.
    }

    @Override
    public void handleFault(Message message) {
        if (!MessageUtils.isRequestor(message)) {
            return;
        }
        try {
            ClientTelemetry.failed(new ClientRequestContextImpl(message, false), cause(message.getContent(Exception.class)));
        } catch (RuntimeException | LinkageError e) {
            // The caller gets CXF's exception as without otel-cdi; at worst the span is not exported.
        }
    }

    /** CXF wraps what went wrong in a Fault or a ProcessingException; {@code error.type} names the real failure. */
    private static Throwable cause(Exception failure) {
        Throwable cause = failure;
        while ((cause instanceof Fault || cause instanceof ProcessingException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
