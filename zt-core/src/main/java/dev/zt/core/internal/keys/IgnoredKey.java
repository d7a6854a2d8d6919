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

    @Override
    public String toString() {
        String kid = keyId == null ? null : keyId.replaceAll("[^\\x20-\\x7e]", "?");
        return "kid=" + kid + ": " + problem.description() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
