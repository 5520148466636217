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
 * Ends the SERVER span of a request that failed with an exception no {@code ExceptionMapper}
 * answered: CXF then answers through its out-fault chain, where neither response filters nor writer
 * interceptors run, so without this the span would never end. On the bus's out-fault chain twice,
 * so it costs nothing on requests that succeed:
 * <ul>
 * <li>{@link #beforeMapping()}, before CXF's fault interceptor looks for a mapper: what a resource
 * method threw that no mapper took (CXF marks it for the servlet container, which gets it rethrown
 * and answers 500) ends the span here; any other fault is only recorded, since a mapper may still
 * turn it into a 4xx that the response filters end the span with;</li>
 * <li>{@link #afterMapping()}, once CXF wrote its own fault response (no mapper, nothing rethrown):
 * ends the span with the status CXF wrote, unless the response filters ended it already.</li>
 * </ul>
 */
final class UnmappedFaultInterceptor extends AbstractPhaseInterceptor<Message> {

    /**
     * Where CXF keeps the properties of {@code ContainerRequestContext.setProperty} for the exchange
     * (a private constant of CXF's {@code PropertyHolderFactory}; CxfClientTest and the owb-cxf
     * lane's EveryRequestTest fail if a CXF version moves it).
     */
    private static final String FILTER_PROPERTIES = "jaxrs.filter.properties";
    private static final int INTERNAL_SERVER_ERROR = 500;

    private final boolean mapped;

    private UnmappedFaultInterceptor(String phase, boolean mapped) {
        super(phase);
        this.mapped = mapped;
    }

    /** @return the interceptor that runs before CXF looks for an exception mapper */
    static UnmappedFaultInterceptor beforeMapping() {
        return new UnmappedFaultInterceptor(Phase.PRE_STREAM, false);
    }

    /** @return the interceptor that runs after CXF wrote its own fault response */
    static UnmappedFaultInterceptor afterMapping() {
        return new UnmappedFaultInterceptor(Phase.POST_MARSHAL, true);
    }

    @Override
    public void handleMessage(Message fault) {
        if (!(fault.getExchange().get(FILTER_PROPERTIES) instanceof Map<?, ?> properties)
                || !(properties.get(RequestProperties.SERVER_EXCHANGE) instanceof ServerExchange exchange) || !exchange.traced()) {
            return;
        }
        try {
            Exception failure = fault.getContent(Exception.class);
            if (mapped) {
                exchange.end(new ContainerErrorResponse(writtenStatus(fault, failure)), thrown(failure));
            } else if (fault.getExchange().containsKey(Message.PROPOGATE_EXCEPTION)) {
                // CXF's invoker found no mapper for what the resource threw.
                exchange.end(new ContainerErrorResponse(status(failure)), thrown(failure));
            } else if (failure != null) {
                exchange.failed(thrown(failure));
            }
        } catch (RuntimeException e) {
            exchange.report("ending a SERVER span that failed", e);
        }
    }

    private static int writtenStatus(Message fault, Exception failure) {
        return fault.get(Message.RESPONSE_CODE) instanceof Integer written ? written : status(failure);
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
