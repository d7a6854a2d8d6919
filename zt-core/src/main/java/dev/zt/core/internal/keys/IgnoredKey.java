package dev.zt.core.internal.keys;

import java.util.Objects;

/**
 * A JWK that was left out of a trusted key set, and why.
 *
 * @param keyId  its {@code kid}, or {@code null} when it has none (or a non-string one)
 * @param problem why it was left out
 * @param detail an operator-facing detail without key material (e.g. the modulus length), may be empty
 */
public record IgnoredKey(String keyId, KeyProblem problem, String detail) {

    public IgnoredKey {
        Objects.requireNonNull(problem, "problem");
        detail = detail == null ? "" : detail;
    }

    /** For logs: kid and detail come from the (remote) JWKS, so they are made printable and bounded. */
    @Override
    public String toString() {
        return "kid=" + printable(keyId) + ": " + problem.description() + (detail.isEmpty() ? "" : " (" + printable(detail) + ")");
    }

    private static String printable(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "...";
    }
}
