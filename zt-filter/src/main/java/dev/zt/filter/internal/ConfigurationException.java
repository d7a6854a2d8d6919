package dev.zt.filter.internal;

/** A setting is missing or invalid: the deployment must not start. The message names the key. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String key, String problem) {
        super("ZT-6001 configuration " + key + " " + problem);
    }

    public ConfigurationException(String message, Throwable cause) {
        super("ZT-6001 configuration " + message, cause);
    }
}
