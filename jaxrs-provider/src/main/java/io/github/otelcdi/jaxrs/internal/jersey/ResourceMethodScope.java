package io.github.otelcdi.jaxrs.internal.jersey;

import io.github.otelcdi.jaxrs.internal.RequestProperties;
import io.github.otelcdi.jaxrs.internal.ServerSpan;
import io.opentelemetry.context.Scope;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Makes the SERVER span current from matching (sub-resource locators, post-matching filters) until
 * the resource method returns. Jersey reports both on the request thread, so the scope is opened
 * and closed on one thread even when the response completes later on another (AsyncResponse,
 * CompletionStage), and nothing stays current on a pooled thread afterwards; when no method runs
 * (404, a filter aborts) the scope closes at the end of the exchange, still on that thread. Ends the span when Jersey has finished
 * the exchange: after the body is written (streaming included), with the final headers, and also
 * when an exception nothing mapped skipped the response filters, so no span is ever left open.
 * Stateless: one instance serves every request.
 */
public final class ResourceMethodScope implements ApplicationEventListener, RequestEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application events carry nothing a span needs.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        requestEvent.getContainerRequest().setProperty(RequestProperties.ENDS_WHEN_WRITTEN, Boolean.TRUE);
        return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        switch (event.getType()) {
            case MATCHING_START -> openScope(event.getContainerRequest());
            case RESOURCE_METHOD_FINISHED -> closeScope(event.getContainerRequest());
            case ON_EXCEPTION -> rememberError(event);
            case FINISHED -> endSpan(event);
            default -> {
            }
        }
    }

    private static void openScope(ContainerRequest request) {
        if (request.getProperty(RequestProperties.SERVER_SPAN) instanceof ServerSpan span) {
            request.setProperty(RequestProperties.METHOD_SCOPE, span.context().makeCurrent());
        }
    }

    private static void closeScope(ContainerRequest request) {
        if (request.getProperty(RequestProperties.METHOD_SCOPE) instanceof Scope scope) {
            request.removeProperty(RequestProperties.METHOD_SCOPE);
            scope.close();
        }
    }

    private static void rememberError(RequestEvent event) {
        ContainerRequest request = event.getContainerRequest();
        Throwable error = event.getException();
        // Jersey wraps what the resource threw; the span reports the application's exception.
        while (error instanceof MappableException && error.getCause() != null) {
            error = error.getCause();
        }
        if (request.getProperty(RequestProperties.ERROR) == null && error != null) {
            request.setProperty(RequestProperties.ERROR, error);
        }
    }

    private static void endSpan(RequestEvent event) {
        ContainerRequest request = event.getContainerRequest();
        closeScope(request);
        if (request.getProperty(RequestProperties.SERVER_SPAN) instanceof ServerSpan span) {
            Throwable error = (Throwable) request.getProperty(RequestProperties.ERROR);
            span.end(request, MatchedResource.of(request.getUriInfo().getMatchedResourceMethod()), event.getContainerResponse(), error);
        }
    }
}
