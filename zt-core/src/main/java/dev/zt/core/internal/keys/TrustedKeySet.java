package dev.zt.core.internal.keys;

import dev.zt.core.VerificationKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, bound key set: the usable verification keys of one JWKS load, indexed by
 * {@code kid} and by {@link VerificationKey#id()}, plus the JWKs that were ignored and why.
 */
public final class TrustedKeySet {

    private final List<VerificationKey> keys;
    private final Map<String, VerificationKey> byKeyId = new HashMap<>();
    private final Map<String, VerificationKey> byId = new HashMap<>();
    private final List<IgnoredKey> ignored;

    TrustedKeySet(List<VerificationKey> keys, List<IgnoredKey> ignored) {
        this.keys = List.copyOf(keys);
        this.ignored = List.copyOf(ignored);
        for (VerificationKey key : this.keys) {
            byId.put(key.id(), key);
            if (key.keyId() != null) {
                byKeyId.put(key.keyId(), key);
            }
        }
    }

    /** See {@link dev.zt.core.KeySource#keysFor}: with a kid its key if it allows the alg, else every key allowing it. */
    public List<VerificationKey> keysFor(String kid, String algorithm) {
        if (algorithm == null) {
            return List.of();
        }
        if (kid != null) {
            VerificationKey key = byKeyId.get(kid);
            return key != null && key.allows(algorithm) ? List.of(key) : List.of();
        }
        return keys.stream().filter(key -> key.allows(algorithm)).toList();
    }

    /** Whether a usable key has this {@code kid} (whatever its algorithms). */
    public boolean hasKeyId(String kid) {
        return byKeyId.containsKey(kid);
    }

    /** Whether {@code key} is one of this set's keys: same id, same public key, same algorithms. O(1). */
    public boolean trusts(VerificationKey key) {
        VerificationKey trusted = byId.get(key.id());
        return trusted != null && trusted.equals(key);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public List<VerificationKey> keys() {
        return keys;
    }

    public List<IgnoredKey> ignored() {
        return ignored;
    }
}
