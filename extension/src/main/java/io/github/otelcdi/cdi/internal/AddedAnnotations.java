package io.github.otelcdi.cdi.internal;

import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedConstructor;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Adds an annotation to an {@link AnnotatedType} by wrapping it, for
 * {@code ProcessAnnotatedType.setAnnotatedType}: everything else is read from the type as other
 * extensions left it. Not {@code configureAnnotatedType()}: OpenWebBeans' configurator rebuilds the
 * type from the class when another extension replaced it before, and so undoes that extension's
 * changes (CXF's CDI integration turns {@code @Context} fields into injection points that way).
 */
public final class AddedAnnotations {

    private AddedAnnotations() {
    }

    /**
     * @param type the type as it is now
     * @param added the annotation to add to the class
     * @param <T> the class
     * @return the same type, with the annotation on the class
     */
    public static <T> AnnotatedType<T> onType(AnnotatedType<T> type, Annotation added) {
        return new AnnotatedTypeWith<>(type, added, null, null);
    }

    /**
     * @param type the type as it is now
     * @param which the methods to annotate
     * @param added the annotation to add to them
     * @param <T> the class
     * @return the same type, with the annotation on those methods
     */
    public static <T> AnnotatedType<T> onMethods(AnnotatedType<T> type, Predicate<AnnotatedMethod<? super T>> which, Annotation added) {
        return new AnnotatedTypeWith<>(type, null, which, added);
    }

    private static <X> AnnotatedMethod<X> annotated(AnnotatedMethod<X> method, Annotation added) {
        return new AnnotatedMethodWith<>(method, added);
    }

    /**
     * An element as another extension left it, with one more annotation; every question about another
     * annotation type goes to the element itself (repeatable annotations included).
     */
    private abstract static class AnnotatedWith implements Annotated {

        private final Annotated delegate;
        private final Annotation added;
        private final Set<Annotation> annotations;

        AnnotatedWith(Annotated delegate, Annotation added) {
            this.delegate = delegate;
            this.added = added;
            if (added == null) {
                this.annotations = delegate.getAnnotations();
            } else {
                Set<Annotation> all = new HashSet<>(delegate.getAnnotations());
                all.add(added);
                this.annotations = all;
            }
        }

        private boolean adds(Class<? extends Annotation> type) {
            return added != null && added.annotationType() == type;
        }

        @Override
        public final Type getBaseType() {
            return delegate.getBaseType();
        }

        @Override
        public final Set<Type> getTypeClosure() {
            return delegate.getTypeClosure();
        }

        @Override
        public final Set<Annotation> getAnnotations() {
            return annotations;
        }

        @Override
        public final <A extends Annotation> A getAnnotation(Class<A> type) {
            return adds(type) ? type.cast(added) : delegate.getAnnotation(type);
        }

        @Override
        public final <A extends Annotation> Set<A> getAnnotations(Class<A> type) {
            if (!adds(type)) {
                return delegate.getAnnotations(type);
            }
            Set<A> all = new HashSet<>(delegate.getAnnotations(type));
            all.add(type.cast(added));
            return all;
        }

        @Override
        public final boolean isAnnotationPresent(Class<? extends Annotation> type) {
            return adds(type) || delegate.isAnnotationPresent(type);
        }
    }

    private static final class AnnotatedTypeWith<T> extends AnnotatedWith implements AnnotatedType<T> {

        private final AnnotatedType<T> delegate;
        private final Set<AnnotatedMethod<? super T>> methods;

        /** @param which the methods to give {@code onMethods}; unused when that is null */
        AnnotatedTypeWith(AnnotatedType<T> delegate, Annotation onType, Predicate<AnnotatedMethod<? super T>> which, Annotation onMethods) {
            super(delegate, onType);
            this.delegate = delegate;
            if (onMethods == null) {
                this.methods = delegate.getMethods();
            } else {
                this.methods = new HashSet<>();
                for (AnnotatedMethod<? super T> method : delegate.getMethods()) {
                    methods.add(which.test(method) ? annotated(method, onMethods) : method);
                }
            }
        }

        @Override
        public Class<T> getJavaClass() {
            return delegate.getJavaClass();
        }

        @Override
        public Set<AnnotatedConstructor<T>> getConstructors() {
            return delegate.getConstructors();
        }

        @Override
        public Set<AnnotatedMethod<? super T>> getMethods() {
            return methods;
        }

        @Override
        public Set<AnnotatedField<? super T>> getFields() {
            return delegate.getFields();
        }
    }

    private static final class AnnotatedMethodWith<X> extends AnnotatedWith implements AnnotatedMethod<X> {

        private final AnnotatedMethod<X> delegate;

        AnnotatedMethodWith(AnnotatedMethod<X> delegate, Annotation added) {
            super(delegate, added);
            this.delegate = delegate;
        }

        @Override
        public Method getJavaMember() {
            return delegate.getJavaMember();
        }

        @Override
        public List<AnnotatedParameter<X>> getParameters() {
            return delegate.getParameters();
        }

        @Override
        public boolean isStatic() {
            return delegate.isStatic();
        }

        @Override
        public AnnotatedType<X> getDeclaringType() {
            return delegate.getDeclaringType();
        }
    }
}
