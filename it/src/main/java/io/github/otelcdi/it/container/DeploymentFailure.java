package io.github.otelcdi.it.container;

/** A web archive could not be deployed; the cause says why (a CDI definition error, a bad setting, ...). */
public final class DeploymentFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeploymentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
