package io.github.otelcdi.jaxrs.internal.cxf;

import io.github.otelcdi.jaxrs.internal.ContainerErrorResponse;
import io.github.otelcdi.jaxrs.internal.RequestProperties;
import io.github.otelcdi.jaxrs.internal.ServerExchange;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Ends the SERVER span of a request that failed with an exception nothing mapped: CXF then answers
 * through its out-fault chain, where neither response filters nor writer interceptors run, so
 * without this the span would never end. Sees the exception as the resource threw it, synchronously
 * or through {@code AsyncResponse.resume(Throwable)}. On the bus's out-fault chain, so it costs
 * nothing on requests that succeed.
 */
final class UnmappedFaultInterceptor extends AbstractPhaseInterceptor<Message> {

    /** Where CXF keeps the properties of {@code ContainerRequestContext.setProperty} for the exchange. */
    private static final String FILTER_PROPERTIES = "jaxrs.filter.properties";
    private static final int INTERNAL_SERVER_ERROR = 500;

    UnmappedFaultInterceptor() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(Message fault) {
        if (fault.getExchange().get(FILTER_PROPERTIES) instanceof Map<?, ?> properties
                && properties.get(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange && exchange.traced()) {
            try {
                Exception failure = fault.getContent(Exception.class);
                exchange.end(new ContainerErrorResponse(status(failure)), thrown(failure));
            } catch (RuntimeException e) {
                exchange.report("ending a SERVER span that failed", e);
            }
        }
    }

    /** What CXF answers with, or the servlet container it hands the exception to. */
    private static int status(Exception failure) {
        return failure instanceof Fault cxf ? cxf.getStatusCode() : INTERNAL_SERVER_ERROR;
    }

    /** CXF wraps what the resource threw in a {@link Fault}. */
    private static Throwable thrown(Exception failure) {
        return failure instanceof Fault && failure.getCause() != null ? failure.getCause() : failure;
    }
}
