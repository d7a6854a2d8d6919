package dev.zt.core.internal.keys;

import dev.zt.core.KeySource;
import dev.zt.core.VerificationKey;
import java.util.List;

/** A key set read once (a string or a file): it never changes, never expires and never refreshes. */
public final class StaticKeySource implements KeySource {

    private final TrustedKeySet keys;

    private StaticKeySource(TrustedKeySet keys) {
        this.keys = keys;
    }

    /**
     * Binds {@code jwksJson}, logs each ignored JWK once, and fails if no usable key remains.
     *
     * @param source names the key set in log and error messages (e.g. a file name), never its content
     * @throws IllegalArgumentException if the JSON is not a JWKS or none of its keys is usable
     */
    public static StaticKeySource of(String jwksJson, String source) {
        TrustedKeySet keys = JwkBinding.bind(jwksJson);
        KeyLog.ignored(source, keys.ignored());
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("ZT-5011 the JWKS of " + source + " has no usable signing key"
                    + " (RSA >= 2048 bits, EC P-256/P-384/P-521 or Ed25519/Ed448, use sig); ignored: "
                    + keys.ignored());
        }
        return new StaticKeySource(keys);
    }

    @Override
    public List<VerificationKey> keysFor(String kid, String algorithm) {
        return keys.keysFor(kid, algorithm);
    }

    @Override
    public boolean isTrusted(VerificationKey key) {
        return key != null && keys.trusts(key);
    }
}
