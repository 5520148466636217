package io.github.otelcdi.jaxrs.internal;

/** Boxed HTTP status codes without an allocation per response (Integer's own cache stops at 127). */
public final class StatusCodes {

    private static final Integer[] BOXED = new Integer[600];

    static {
        for (int code = 0; code < BOXED.length; code++) {
            BOXED[code] = code;
        }
    }

    private StatusCodes() {
    }

    /** @return the same Integer for the same status in 0–599; a new one otherwise */
    public static Integer boxed(int status) {
        return status >= 0 && status < BOXED.length ? BOXED[status] : Integer.valueOf(status);
    }
}
