package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code @Path} values the way JAX-RS applies them: on the class or, failing that, a superclass
 * or interface; on the method or the first declaration of it up the hierarchy that carries JAX-RS
 * annotations (so CDI proxies and implementations of annotated interfaces resolve like the original).
 * Reflection happens here only, once per resource method: results are cached by {@link RouteResolver}.
 */
final class PathAnnotations {

    private PathAnnotations() {
    }

    /** @return the class-level {@code @Path} of the type or its supertypes, or null for a sub-resource class */
    static String classPath(Class<?> type) {
        for (Class<?> candidate : hierarchy(type)) {
            Path path = candidate.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return null;
    }

    /** @return the {@code @Path} of the method as JAX-RS inheritance sees it from {@code type}, or "" */
    static String methodPath(Class<?> type, Method method) {
        for (Class<?> candidate : hierarchy(type)) {
            Method declared = declared(candidate, method.getName(), method.getParameterTypes());
            if (declared != null && hasJaxRsAnnotation(declared)) {
                Path path = declared.getAnnotation(Path.class);
                return path == null ? "" : path.value();
            }
        }
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    /**
     * The sub-resource locator of {@code parent} that produced an instance of {@code child}: a method
     * with {@code @Path} and no HTTP method designator whose return type can hold {@code child}.
     * When several can, the one with the most specific return type wins.
     *
     * @return its {@code @Path} value, or null when none is found
     */
    static String locatorPath(Class<?> parent, Class<?> child) {
        Method best = null;
        Set<String> seen = new LinkedHashSet<>();
        for (Class<?> candidate : hierarchy(parent)) {
            for (Method method : candidate.getDeclaredMethods()) {
                if (method.isSynthetic() || !seen.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
                    continue;
                }
                Method annotated = annotatedDeclaration(parent, method);
                if (annotated == null || annotated.getAnnotation(Path.class) == null || hasHttpMethod(annotated)) {
                    continue;
                }
                Class<?> returned = method.getReturnType();
                boolean fits = returned.isAssignableFrom(child) || returned == Class.class;
                if (fits && (best == null || best.getReturnType().isAssignableFrom(returned))) {
                    best = annotated;
                }
            }
        }
        return best == null ? null : best.getAnnotation(Path.class).value();
    }

    private static Method annotatedDeclaration(Class<?> type, Method method) {
        for (Class<?> candidate : hierarchy(type)) {
            Method declared = declared(candidate, method.getName(), method.getParameterTypes());
            if (declared != null && hasJaxRsAnnotation(declared)) {
                return declared;
            }
        }
        return null;
    }

    private static boolean hasJaxRsAnnotation(Method method) {
        return method.getAnnotation(Path.class) != null || hasHttpMethod(method);
    }

    private static boolean hasHttpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getAnnotation(HttpMethod.class) != null) {
                return true;
            }
        }
        return false;
    }

    private static Method declared(Class<?> type, String name, Class<?>[] parameterTypes) {
        try {
            return type.getDeclaredMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The type, its superclasses, then all interfaces breadth first: the order JAX-RS looks for annotations. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(c);
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> c : classes) {
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> next = queue.poll();
            if (interfaces.add(next)) {
                queue.addAll(Arrays.asList(next.getInterfaces()));
            }
        }
        classes.addAll(interfaces);
        return classes;
    }
}
