package dev.zt.core;

import java.util.List;

/**
 * Where a {@link TokenVerifier} finds the keys it trusts: a JWKS over HTTP(S), a file or a string
 * (see {@link Jwks}). Header parameters of the token ({@code jku}, {@code x5u}, {@code jwk},
 * {@code x5c}) never reach a key source: keys come only from configuration.
 */
public interface KeySource {

    /**
     * The trusted keys that may verify a token with this {@code kid} and {@code alg}.
     * With a {@code kid}: the key of that id if it allows {@code algorithm}, else nothing. Without
     * one ({@code kid == null}): every key that allows {@code algorithm}.
     * An unknown {@code kid} may trigger a refresh of the key set; refreshes are single-flight and
     * rate-limited, so tokens with random {@code kid}s cannot make zt hammer the identity provider.
     *
     * @throws TokenRejectedException with {@link RejectionReason#KEYS_UNAVAILABLE} when no key set
     *                                is available at all (never fetched, or retention ended): fail closed
     */
    List<VerificationKey> keysFor(String kid, String algorithm);

    /**
     * Whether {@code key} is still trusted now: false once a refresh has dropped it or once the key
     * set's retention has ended. A cached verification never outlives its key. Called on every
     * cache hit, so it never blocks; a key source may start a background refresh from it.
     */
    boolean isTrusted(VerificationKey key);
}
