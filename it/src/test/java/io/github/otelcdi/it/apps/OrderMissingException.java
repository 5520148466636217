package io.github.otelcdi.it.apps;

public class OrderMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderMissingException(String message) {
        super(message);
    }
}
