package io.github.otelcdi.it.apps.cxf;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** A resource a CXF interceptor refuses with a {@code ForbiddenException}, which CXF's default mapper answers with 403. */
@Path("guarded")
@InInterceptors(classes = GuardedResource.Deny.class)
public class GuardedResource {

    @GET
    public String get() {
        return "never reached";
    }

    /** Fails every request before the resource method, as an authorization interceptor would. */
    public static final class Deny extends AbstractPhaseInterceptor<Message> {

        public Deny() {
            super(Phase.PRE_INVOKE);
        }

        @Override
        public void handleMessage(Message message) {
            throw new Fault(new ForbiddenException("denied by a CXF interceptor"));
        }
    }
}
