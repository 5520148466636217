package io.github.otelcdi.jaxrs.internal.scope;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link ResourceScopeInterceptor} to JAX-RS resource classes; added by
 * {@link ResourceScopeExtension}, never written by users.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ResourceScoped {

    /** The annotation instance the extension adds. */
    final class Literal extends AnnotationLiteral<ResourceScoped> implements ResourceScoped {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();
    }
}
