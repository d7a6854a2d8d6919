package dev.zt.core.internal.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SHA-256 digest of a token's exact bytes: the cache key. Collision-resistant, so two different
 * tokens never share an entry, and the cache never holds a usable bearer token.
 */
public final class TokenDigest {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private final byte[] digest;
    private final int hash;

    private TokenDigest(byte[] digest) {
        this.digest = digest;
        this.hash = (digest[0] & 0xFF) << 24 | (digest[1] & 0xFF) << 16 | (digest[2] & 0xFF) << 8 | (digest[3] & 0xFF);
    }

    public static TokenDigest of(String token) {
        return new TokenDigest(SHA256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenDigest other && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "TokenDigest[" + Arrays.hashCode(digest) + "]";
    }
}
