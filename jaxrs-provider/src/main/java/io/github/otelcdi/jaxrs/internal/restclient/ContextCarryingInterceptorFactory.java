package io.github.otelcdi.jaxrs.internal.restclient;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;

/**
 * Makes the context of the caller of an asynchronous Rest Client method current on the thread
 * that performs the call, so its CLIENT span is the caller's child; and removes it afterwards,
 * so nothing stays on the pooled thread.
 */
final class ContextCarryingInterceptorFactory implements AsyncInvocationInterceptorFactory {

    @Override
    public AsyncInvocationInterceptor newInterceptor() {
        return new Carrier();
    }

    private static final class Carrier implements AsyncInvocationInterceptor {

        private Context captured;
        private Scope scope;

        @Override
        public void prepareContext() {
            captured = Context.current();
        }

        @Override
        public void applyContext() {
            if (captured != null) {
                scope = captured.makeCurrent();
            }
        }

        @Override
        public void removeContext() {
            Scope current = scope;
            scope = null;
            if (current != null) {
                current.close();
            }
        }
    }
}
