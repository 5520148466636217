package io.github.otelcdi.cdi.internal.withspan;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The interceptor binding the extension adds to every method annotated with OpenTelemetry's
 * {@code @WithSpan}, which is not an interceptor binding itself (and may not annotate a class).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WithSpanBinding {

    /** The instance to add. */
    final class Literal extends AnnotationLiteral<WithSpanBinding> implements WithSpanBinding {
        private static final long serialVersionUID = 1L;

        /** The only instance needed. */
        public static final Literal INSTANCE = new Literal();
    }
}
