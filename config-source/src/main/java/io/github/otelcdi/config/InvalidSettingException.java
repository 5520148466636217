package io.github.otelcdi.config;

/**
 * A setting holds a value otel-cdi cannot use. Thrown while the application starts, so a
 * mistake stops the deployment with a message naming the key, the value and what was expected,
 * instead of being noticed in production.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The key as it was set. */
    private final String key;
    /** The value that was rejected. */
    private final String value;

    /**
     * @param key the key as it was set (the alias, when the alias was used)
     * @param value the value that was read
     * @param expected what the key accepts, in words
     */
    public InvalidSettingException(String key, String value, String expected) {
        super("Invalid value for " + key + ": '" + value + "'; expected " + expected);
        this.key = key;
        this.value = value;
    }

    /** @return the key as it was set */
    public String key() {
        return key;
    }

    /** @return the value that was rejected */
    public String value() {
        return value;
    }
}
