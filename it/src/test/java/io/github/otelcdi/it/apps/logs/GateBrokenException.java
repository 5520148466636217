package io.github.otelcdi.it.apps.logs;

/** What {@link ManagedGateFilter} throws; {@link GateBrokenMapper} answers it. */
public class GateBrokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GateBrokenException() {
        super("the gate in front of the managed method is broken");
    }
}
