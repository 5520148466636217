package io.github.otelcdi.it.container;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The archive classes a {@code ServletContainerInitializer} asked for with {@code @HandlesTypes}, as
 * WildFly's annotation index finds them: a class counts as annotated also when a supertype carries
 * the annotation, so a resource whose {@code @Path} is on its interface is served, as on WildFly.
 */
final class HandledTypes {

    private HandledTypes() {
    }

    /**
     * @param initializer the initializer's class
     * @param classes the archive's classes
     * @return those that extend, implement or carry (on the class) one of the handled types; empty when it asks for none
     */
    static Set<Class<?>> of(Class<? extends ServletContainerInitializer> initializer, List<Class<?>> classes) {
        Set<Class<?>> found = new LinkedHashSet<>();
        HandlesTypes handles = initializer.getAnnotation(HandlesTypes.class);
        if (handles == null) {
            return found;
        }
        for (Class<?> handled : handles.value()) {
            for (Class<?> type : classes) {
                if (matches(type, handled)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Class<?> type, Class<?> handled) {
        if (handled.isAnnotation()) {
            return annotated(type, (Class<? extends Annotation>) handled);
        }
        return type != handled && handled.isAssignableFrom(type);
    }

    private static boolean annotated(Class<?> type, Class<? extends Annotation> annotation) {
        if (type == null || type == Object.class) {
            return false;
        }
        if (type.isAnnotationPresent(annotation)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (annotated(implemented, annotation)) {
                return true;
            }
        }
        return annotated(type.getSuperclass(), annotation);
    }
}
