package dev.zt.core;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Set;

/**
 * A trusted public key, bound to the JWS algorithms it may verify.
 *
 * @param id         a stable identity of this key across key-set refreshes: {@code kid + ":" +} its
 *                   RFC 7638 SHA-256 thumbprint ({@code ":" + thumbprint} for a JWK without a kid), so a
 *                   different key published under a reused {@code kid} is a different key
 * @param keyId      the JWK {@code kid}, or {@code null} when the JWK has none
 * @param publicKey  the key
 * @param algorithms the JWS {@code alg} values this key may verify: exactly the JWK's declared
 *                   {@code alg}, or, when it declares none, those its type and curve allow
 */
public record VerificationKey(String id, String keyId, PublicKey publicKey, Set<String> algorithms) {

    public VerificationKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("a verification key must allow at least one algorithm");
        }
    }

    public boolean allows(String algorithm) {
        return algorithm != null && algorithms.contains(algorithm);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + id + ", " + publicKey.getAlgorithm() + ", " + algorithms + "]";
    }
}
