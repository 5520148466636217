package io.github.otelcdi.cdi.internal;

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
import java.util.stream.Collectors;

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
        return new AnnotatedTypeWith<>(type, added, method -> false, null);
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

    private static Set<Annotation> with(Set<Annotation> annotations, Annotation added) {
        if (added == null) {
            return annotations;
        }
        Set<Annotation> all = new HashSet<>(annotations);
        all.add(added);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <A extends Annotation> A find(Set<Annotation> annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == type) {
                return (A) annotation;
            }
        }
        return null;
    }

    private static <A extends Annotation> Set<A> all(Set<Annotation> annotations, Class<A> type) {
        return annotations.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toSet());
    }

    /** The annotations of an element, with one added. */
    private abstract static class Annotations {

        abstract Set<Annotation> annotations();

        public final Set<Annotation> getAnnotations() {
            return annotations();
        }

        public final <A extends Annotation> A getAnnotation(Class<A> type) {
            return find(annotations(), type);
        }

        public final <A extends Annotation> Set<A> getAnnotations(Class<A> type) {
            return all(annotations(), type);
        }

        public final boolean isAnnotationPresent(Class<? extends Annotation> type) {
            return find(annotations(), type) != null;
        }
    }

    private static final class AnnotatedTypeWith<T> extends Annotations implements AnnotatedType<T> {

        private final AnnotatedType<T> delegate;
        private final Set<Annotation> annotations;
        private final Set<AnnotatedMethod<? super T>> methods;

        AnnotatedTypeWith(AnnotatedType<T> delegate, Annotation onType, Predicate<AnnotatedMethod<? super T>> which, Annotation onMethods) {
            this.delegate = delegate;
            this.annotations = with(delegate.getAnnotations(), onType);
            this.methods = new HashSet<>();
            for (AnnotatedMethod<? super T> method : delegate.getMethods()) {
                methods.add(which.test(method) ? annotated(method, onMethods) : method);
            }
        }

        @Override
        Set<Annotation> annotations() {
            return annotations;
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

        @Override
        public Type getBaseType() {
            return delegate.getBaseType();
        }

        @Override
        public Set<Type> getTypeClosure() {
            return delegate.getTypeClosure();
        }
    }

    private static final class AnnotatedMethodWith<X> extends Annotations implements AnnotatedMethod<X> {

        private final AnnotatedMethod<X> delegate;
        private final Set<Annotation> annotations;

        AnnotatedMethodWith(AnnotatedMethod<X> delegate, Annotation added) {
            this.delegate = delegate;
            this.annotations = with(delegate.getAnnotations(), added);
        }

        @Override
        Set<Annotation> annotations() {
            return annotations;
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

        @Override
        public Type getBaseType() {
            return delegate.getBaseType();
        }

        @Override
        public Set<Type> getTypeClosure() {
            return delegate.getTypeClosure();
        }
    }
}
