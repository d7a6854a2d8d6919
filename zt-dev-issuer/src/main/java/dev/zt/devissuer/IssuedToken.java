package dev.zt.devissuer;

import java.time.Instant;
import java.util.Set;

/** A signed access token and what the token response says about it. Its {@code toString} omits the token. */
record IssuedToken(String value, String jti, String subject, String audience, Instant issuedAt, Instant expiresAt, Set<String> scopes) {

    long expiresInSeconds() {
        return expiresAt.getEpochSecond() - issuedAt.getEpochSecond();
    }

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + ", sub=" + subject + ", aud=" + audience + ", until=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
