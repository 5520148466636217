package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.ServerTracingFeature;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.InjectionManagerProvider;

/**
 * Server tracing on Jersey: the portable filter, plus the Jersey listener that scopes the span to
 * the resource method and ends it once the response is written. Nothing is registered when tracing
 * is off, so a disabled SDK adds no work to a request.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class JerseyServerTracingFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (!ServerTracingFeature.installOrWarn(context, new JerseyConnections(InjectionManagerProvider.getInjectionManager(context)))) {
            return false;
        }
        context.register(JerseyRequestListener.class);
        return true;
    }
}
