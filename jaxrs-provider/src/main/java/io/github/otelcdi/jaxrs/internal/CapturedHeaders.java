package io.github.otelcdi.jaxrs.internal;

import io.opentelemetry.instrumentation.api.config.IncludeExclude;
import java.util.List;

/**
 * The header names a user listed in {@code otel.instrumentation.http.*.capture-headers.*}, as the
 * selection the HTTP attribute extractors take. Plain names are looked up one by one, as before;
 * an empty list selects no header (the extractors read an empty selection as "capture nothing").
 */
public final class CapturedHeaders {

    private CapturedHeaders() {
    }

    /**
     * @param names header names, as configured
     * @return the selection of exactly those headers
     */
    public static IncludeExclude named(List<String> names) {
        return IncludeExclude.builder().setIncluded(names).build();
    }
}
