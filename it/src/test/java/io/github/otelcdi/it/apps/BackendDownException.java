package io.github.otelcdi.it.apps;

public class BackendDownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendDownException(String message) {
        super(message);
    }
}
