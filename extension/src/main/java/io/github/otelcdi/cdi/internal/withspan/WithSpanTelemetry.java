package io.github.otelcdi.cdi.internal.withspan;

import io.github.otelcdi.config.internal.OtelCdiInfo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The instrumenter of one application's {@code @WithSpan} methods and the per-method cache. */
final class WithSpanTelemetry {

    private final Instrumenter<MethodCall, Object> instrumenter;
    private final Map<Method, MethodSpan> methods = new ConcurrentHashMap<>();

    WithSpanTelemetry(OpenTelemetry openTelemetry) {
        this.instrumenter = Instrumenter.<MethodCall, Object>builder(openTelemetry, OtelCdiInfo.SCOPE_NAME, call -> call.span().name())
                .setInstrumentationVersion(OtelCdiInfo.VERSION)
                .addAttributesExtractor(new ParameterAttributes())
                .buildInstrumenter(call -> call.span().kind());
    }

    Instrumenter<MethodCall, Object> instrumenter() {
        return instrumenter;
    }

    MethodSpan method(Method method) {
        MethodSpan span = methods.get(method);
        return span != null ? span : methods.computeIfAbsent(method, MethodSpan::new);
    }

    private static final class ParameterAttributes implements AttributesExtractor<MethodCall, Object> {
        @Override
        public void onStart(AttributesBuilder attributes, Context parentContext, MethodCall call) {
            call.span().addAttributes(attributes, call.arguments());
        }

        @Override
        public void onEnd(AttributesBuilder attributes, Context context, MethodCall call, Object result, Throwable error) {
            // Parameters only.
        }
    }
}
