package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.core.FeatureContext;

/** Whether an optional runtime's classes are there, asked before any class that uses them is loaded. */
public final class ClassPresence {

    private static final String JERSEY_PACKAGE = "org.glassfish.jersey.";
    private static final String CXF_PACKAGE = "org.apache.cxf.";

    private ClassPresence() {
    }

    /**
     * @param context what a feature is configured with
     * @return whether Jersey configures it (its classes can then be used), asked without loading any of them
     */
    public static boolean jersey(FeatureContext context) {
        return context.getClass().getName().startsWith(JERSEY_PACKAGE);
    }

    /**
     * @param context what a feature is configured with
     * @return whether Apache CXF configures it, asked without loading any of its classes
     */
    public static boolean cxf(FeatureContext context) {
        return context.getClass().getName().startsWith(CXF_PACKAGE);
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
