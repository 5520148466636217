package io.github.otelcdi.cdi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.AnnotatedConstructor;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The annotated type as another extension left it (here a hand-made one, as CXF's CDI integration
 * makes) stays as it is, with one annotation more: what a configurator that rebuilds the type from
 * the class (OpenWebBeans') would lose.
 */
class AddedAnnotationsTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Repeatable(Labels.class)
    @interface Label {
        String value();
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Labels {
        Label[] value();
    }

    @Label("a")
    @Label("b")
    static class Resource {
        public String get() {
            return "";
        }

        public String other() {
            return "";
        }
    }

    private static final Annotation NAMED = new Named() {
        @Override
        public String value() {
            return "added";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return Named.class;
        }
    };

    @Test
    void addsToTheClassAndKeepsWhatAnotherExtensionMade() throws Exception {
        Foreign<Resource> foreign = new Foreign<>(Resource.class);
        AnnotatedType<Resource> type = AddedAnnotations.onType(foreign, RequestScoped.Literal.INSTANCE);

        assertTrue(type.isAnnotationPresent(RequestScoped.class));
        assertTrue(type.getAnnotations().contains(RequestScoped.Literal.INSTANCE));
        assertSame(foreign.fields, type.getFields(), "the fields another extension replaced");
        assertSame(foreign.constructors, type.getConstructors());
        assertEquals(foreign.methods, type.getMethods());
        assertEquals(2, type.getAnnotations(Label.class).size(), "repeated annotations are answered by the element");
        assertFalse(type.isAnnotationPresent(Named.class));
        assertNull(type.getAnnotation(Named.class));
        assertSame(Resource.class, type.getJavaClass());
    }

    @Test
    void addsToTheChosenMethodsOnly() throws Exception {
        Foreign<Resource> foreign = new Foreign<>(Resource.class);
        AnnotatedType<Resource> type = AddedAnnotations.onMethods(foreign, m -> m.getJavaMember().getName().equals("get"), NAMED);

        assertFalse(type.isAnnotationPresent(Named.class));
        for (AnnotatedMethod<? super Resource> method : type.getMethods()) {
            boolean chosen = method.getJavaMember().getName().equals("get");
            assertEquals(chosen, method.isAnnotationPresent(Named.class), method.getJavaMember().getName());
            assertEquals(chosen, NAMED.equals(method.getAnnotation(Named.class)));
            assertSame(method.getJavaMember(), foreign.method(method.getJavaMember().getName()).getJavaMember());
        }
    }

    /** A type made by hand, with its own field set, as an extension that wraps the container's type returns. */
    private static final class Foreign<T> implements AnnotatedType<T> {

        final Class<T> type;
        final Set<AnnotatedField<? super T>> fields = new HashSet<>();
        final Set<AnnotatedConstructor<T>> constructors = new HashSet<>();
        final Set<AnnotatedMethod<? super T>> methods = new HashSet<>();

        Foreign(Class<T> type) {
            this.type = type;
            for (Method method : type.getDeclaredMethods()) {
                methods.add(new ForeignMethod<>(method, this));
            }
        }

        AnnotatedMethod<? super T> method(String name) {
            return methods.stream().filter(m -> m.getJavaMember().getName().equals(name)).findFirst().orElseThrow();
        }

        @Override
        public Class<T> getJavaClass() {
            return type;
        }

        @Override
        public Set<AnnotatedConstructor<T>> getConstructors() {
            return constructors;
        }

        @Override
        public Set<AnnotatedMethod<? super T>> getMethods() {
            return methods;
        }

        @Override
        public Set<AnnotatedField<? super T>> getFields() {
            return fields;
        }

        @Override
        public Type getBaseType() {
            return type;
        }

        @Override
        public Set<Type> getTypeClosure() {
            return Set.of(type, Object.class);
        }

        @Override
        public <A extends Annotation> A getAnnotation(Class<A> annotationType) {
            return type.getAnnotation(annotationType);
        }

        @Override
        public <A extends Annotation> Set<A> getAnnotations(Class<A> annotationType) {
            return Set.of(type.getAnnotationsByType(annotationType));
        }

        @Override
        public Set<Annotation> getAnnotations() {
            return Set.of(type.getAnnotations());
        }

        @Override
        public boolean isAnnotationPresent(Class<? extends Annotation> annotationType) {
            return type.isAnnotationPresent(annotationType);
        }
    }

    private record ForeignMethod<X>(Method getJavaMember, AnnotatedType<X> getDeclaringType) implements AnnotatedMethod<X> {

        @Override
        public List<AnnotatedParameter<X>> getParameters() {
            return List.of();
        }

        @Override
        public boolean isStatic() {
            return false;
        }

        @Override
        public Type getBaseType() {
            return getJavaMember.getGenericReturnType();
        }

        @Override
        public Set<Type> getTypeClosure() {
            return Set.of(getBaseType());
        }

        @Override
        public <A extends Annotation> A getAnnotation(Class<A> annotationType) {
            return getJavaMember.getAnnotation(annotationType);
        }

        @Override
        public <A extends Annotation> Set<A> getAnnotations(Class<A> annotationType) {
            return Set.of(getJavaMember.getAnnotationsByType(annotationType));
        }

        @Override
        public Set<Annotation> getAnnotations() {
            return Set.of(getJavaMember.getAnnotations());
        }

        @Override
        public boolean isAnnotationPresent(Class<? extends Annotation> annotationType) {
            return getJavaMember.isAnnotationPresent(annotationType);
        }
    }
}
