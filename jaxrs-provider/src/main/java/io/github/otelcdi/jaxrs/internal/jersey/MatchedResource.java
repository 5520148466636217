package io.github.otelcdi.jaxrs.internal.jersey;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

/** The matched resource method as Jersey recorded it, for code that runs outside the request scope. */
final class MatchedResource implements ResourceInfo {

    private final Invocable invocable;

    private MatchedResource(Invocable invocable) {
        this.invocable = invocable;
    }

    static ResourceInfo of(ResourceMethod method) {
        return method == null ? null : new MatchedResource(method.getInvocable());
    }

    @Override
    public Method getResourceMethod() {
        return invocable.getHandlingMethod();
    }

    @Override
    public Class<?> getResourceClass() {
        return invocable.getHandler().getHandlerClass();
    }
}
