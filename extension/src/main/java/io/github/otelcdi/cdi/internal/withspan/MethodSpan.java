package io.github.otelcdi.cdi.internal.withspan;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code @WithSpan} and {@code @SpanAttribute} say about one method, read once by reflection
 * and then reused for every call.
 */
final class MethodSpan {

    private final String name;
    private final SpanKind kind;
    private final boolean inheritContext;
    private final int[] attributeParameters;
    private final AttributeKey<?>[] attributeKeys;

    MethodSpan(Method method) {
        WithSpan annotation = method.getAnnotation(WithSpan.class);
        String value = annotation == null ? "" : annotation.value();
        this.name = value.isEmpty() ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : value;
        this.kind = annotation == null ? SpanKind.INTERNAL : annotation.kind();
        this.inheritContext = annotation == null || annotation.inheritContext();
        List<Integer> indexes = new ArrayList<>();
        List<AttributeKey<?>> keys = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            SpanAttribute attribute = parameters[i].getAnnotation(SpanAttribute.class);
            if (attribute == null) {
                continue;
            }
            // Without -parameters the name is arg0: better than dropping the value silently.
            String key = attribute.value().isEmpty() ? parameters[i].getName() : attribute.value();
            indexes.add(i);
            keys.add(keyFor(key, parameters[i].getType()));
        }
        this.attributeParameters = indexes.stream().mapToInt(Integer::intValue).toArray();
        this.attributeKeys = keys.toArray(AttributeKey<?>[]::new);
    }

    private static AttributeKey<?> keyFor(String key, Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
            return AttributeKey.longKey(key);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return AttributeKey.doubleKey(key);
        }
        if (type == boolean.class || type == Boolean.class) {
            return AttributeKey.booleanKey(key);
        }
        return AttributeKey.stringKey(key);
    }

    String name() {
        return name;
    }

    SpanKind kind() {
        return kind;
    }

    boolean inheritContext() {
        return inheritContext;
    }

    @SuppressWarnings("unchecked")
    void addAttributes(AttributesBuilder attributes, Object[] arguments) {
        for (int i = 0; i < attributeParameters.length; i++) {
            Object argument = arguments[attributeParameters[i]];
            if (argument == null) {
                continue;
            }
            AttributeKey<?> key = attributeKeys[i];
            switch (key.getType()) {
                case LONG -> attributes.put((AttributeKey<Long>) key, ((Number) argument).longValue());
                case DOUBLE -> attributes.put((AttributeKey<Double>) key, ((Number) argument).doubleValue());
                case BOOLEAN -> attributes.put((AttributeKey<Boolean>) key, (Boolean) argument);
                default -> attributes.put((AttributeKey<String>) key, String.valueOf(argument));
            }
        }
    }
}
