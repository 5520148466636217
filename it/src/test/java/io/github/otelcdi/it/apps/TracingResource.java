package io.github.otelcdi.it.apps;

import io.github.otelcdi.cdi.internal.withspan.WithSpanBinding;
import io.github.otelcdi.jaxrs.internal.scope.ResourceScoped;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Uses the injected OpenTelemetry beans while a request is served. */
@Path("/tracing")
public class TracingResource {

    @Inject
    Tracer tracer;

    @Inject
    Span span;

    @Inject
    Baggage baggage;

    @Inject
    BeanManager beanManager;

    /** @return the injected span's id, then the id of a child span made with the injected tracer, then baggage "user" */
    @GET
    public String current() {
        Span child = tracer.spanBuilder("child-work").startSpan();
        child.end();
        return span.getSpanContext().getSpanId() + "," + child.getSpanContext().getSpanId() + "," + baggage.getEntryValue("user");
    }

    /** @return how many interceptors otel-cdi enabled in this application: around resource methods and for {@code @WithSpan} */
    @GET
    @Path("interceptors")
    public String interceptors() {
        return String.valueOf(beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE, ResourceScoped.Literal.INSTANCE).size()
                + beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE, WithSpanBinding.Literal.INSTANCE).size());
    }
}
