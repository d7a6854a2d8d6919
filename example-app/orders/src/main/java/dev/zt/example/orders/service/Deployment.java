package dev.zt.example.orders.service;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An accepted deployment request: which version, started by whom (the verified actor's subject) and
 * what kind of actor that was (a CI pipeline, for the only grant the example configures).
 *
 * @param version a release version: {@code 1.2.3}, optionally with a {@code -suffix}, at most 64 characters
 */
public record Deployment(String version, String by, String kind) {

    private static final Pattern VERSION = Pattern.compile("^[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}(-[A-Za-z0-9.]{1,32})?$");

    /** The version of a {@code {"version":"1.2.3"}} body; refuses missing, extra or mistyped members. */
    public static String versionFromJson(Map<String, Object> json) {
        if (!json.keySet().equals(java.util.Set.of("version"))) {
            throw new IllegalArgumentException("the body must have exactly the member version");
        }
        if (!(json.get("version") instanceof String version) || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must look like 1.2.3");
        }
        return version;
    }
}
