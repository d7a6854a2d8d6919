package dev.zt.client;

import java.time.Instant;

/**
 * An access token obtained from the token endpoint, with the instant it expires (the earlier of
 * {@code expires_in} and, for a JWT, its {@code exp}). {@link #toString()} never shows the token.
 */
public final class ServiceToken {

    private final String value;
    private final Instant expiresAt;
    private final Instant refreshAt;

    ServiceToken(String value, Instant expiresAt, Instant refreshAt) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.refreshAt = refreshAt;
    }

    /** The access token itself. Do not log it. */
    public String value() {
        return value;
    }

    /** The value of an {@code Authorization} header: {@code Bearer <token>}. */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** From this instant on the token is no longer handed out: its remaining lifetime is within the margin. */
    Instant refreshAt() {
        return refreshAt;
    }

    boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "ServiceToken[expiresAt=" + expiresAt + ", value=<redacted>]";
    }
}
