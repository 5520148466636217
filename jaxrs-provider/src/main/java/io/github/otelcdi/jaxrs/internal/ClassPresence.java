package io.github.otelcdi.jaxrs.internal;

/** Whether an optional runtime's classes are there, asked before any class that uses them is loaded. */
public final class ClassPresence {

    private ClassPresence() {
    }

    /**
     * @param className a class of the optional runtime
     * @return whether otel-cdi's own class loader sees it
     */
    public static boolean visible(String className) {
        try {
            Class.forName(className, false, ClassPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
