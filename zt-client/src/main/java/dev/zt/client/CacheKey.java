package dev.zt.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * What a cached token is for: audience, scopes, requested lifetime and, for a token exchange, the
 * SHA-256 digests of the subject and actor tokens, so the cache never holds those tokens and two
 * users never share an exchanged token.
 */
record CacheKey(String audience, String scopes, Duration lifetime, String subjectDigest, String actorDigest) {

    static CacheKey of(TokenRequest request, Duration lifetime) {
        return new CacheKey(request.audience(), String.join(" ", request.scopes()), lifetime,
                digest(request.subjectToken()), digest(request.actorToken()));
    }

    private static String digest(String token) {
        if (token == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "CacheKey[audience=" + audience + ", scopes=" + scopes + ", lifetime=" + lifetime
                + (subjectDigest == null ? "" : ", subject=sha256:" + subjectDigest.substring(0, 8))
                + (actorDigest == null ? "" : ", actor=sha256:" + actorDigest.substring(0, 8)) + "]";
    }
}
