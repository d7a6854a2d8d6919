package dev.zt.client;

import dev.zt.core.Scopes;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a service token is asked for: an audience, scopes, an optional lifetime (at most the
 * client's maximum, which is also the default) and, for a call on behalf of a user, the subject
 * token to exchange (RFC 8693) and optionally an actor token. Immutable; the {@code with...}
 * methods return a new request. {@link #toString()} never shows the subject or actor token.
 *
 * <pre>{@code
 * TokenRequest.of("inventory-service", "inventory:read")                  // client credentials
 * TokenRequest.of("inventory-service", "inventory:read").onBehalfOf(userToken) // token exchange
 * }</pre>
 */
public final class TokenRequest {

    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final String audience;
    private final SortedSet<String> scopes;
    private final Duration lifetime;
    private final String subjectToken;
    private final String actorToken;

    private TokenRequest(String audience, SortedSet<String> scopes, Duration lifetime, String subjectToken,
            String actorToken) {
        this.audience = audience;
        this.scopes = scopes;
        this.lifetime = lifetime;
        this.subjectToken = subjectToken;
        this.actorToken = actorToken;
    }

    /**
     * A client-credentials request for {@code audience} with {@code scopes} (RFC 6749 scope tokens).
     *
     * @throws IllegalArgumentException ({@code ZT-7106}) for a blank audience or an invalid scope
     */
    public static TokenRequest of(String audience, String... scopes) {
        Objects.requireNonNull(audience, "audience");
        if (audience.isEmpty() || audience.length() > 1024 || !visibleAscii(audience)) {
            throw new IllegalArgumentException(
                    "ZT-7106 the audience must be 1 to 1024 printable ASCII characters without spaces");
        }
        SortedSet<String> set = new TreeSet<>();
        for (String scope : scopes) {
            if (!Scopes.isValidScopeToken(scope)) {
                throw new IllegalArgumentException("ZT-7106 '" + scope + "' is not an RFC 6749 scope token");
            }
            set.add(scope);
        }
        return new TokenRequest(audience, Collections.unmodifiableSortedSet(set), null, null, null);
    }

    /** This request with a requested lifetime (positive; at most the client's maximum lifetime). */
    public TokenRequest withLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("ZT-7106 the requested lifetime must be positive");
        }
        return new TokenRequest(audience, scopes, lifetime, subjectToken, actorToken);
    }

    /** This request as an RFC 8693 token exchange of {@code subjectToken} (an access token, without "Bearer "). */
    public TokenRequest onBehalfOf(String subjectToken) {
        return new TokenRequest(audience, scopes, lifetime, checkedToken(subjectToken, "subject"), actorToken);
    }

    /** This token exchange with an {@code actor_token} (an access token). Requires {@link #onBehalfOf}. */
    public TokenRequest withActorToken(String actorToken) {
        if (subjectToken == null) {
            throw new IllegalStateException("ZT-7106 an actor token needs a subject token: call onBehalfOf first");
        }
        return new TokenRequest(audience, scopes, lifetime, subjectToken, checkedToken(actorToken, "actor"));
    }

    public String audience() {
        return audience;
    }

    /** The scopes, sorted. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The requested lifetime; empty means the client's maximum. */
    public Optional<Duration> lifetime() {
        return Optional.ofNullable(lifetime);
    }

    /** True for a token exchange (on behalf of a subject). */
    public boolean isExchange() {
        return subjectToken != null;
    }

    String subjectToken() {
        return subjectToken;
    }

    String actorToken() {
        return actorToken;
    }

    /** The space-separated scope parameter, or null without scopes. */
    String scopeParameter() {
        return scopes.isEmpty() ? null : String.join(" ", scopes);
    }

    private static String checkedToken(String token, String role) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("ZT-7106 the " + role + " token is missing");
        }
        if (token.length() > MAX_TOKEN_LENGTH || !visibleAscii(token)) {
            throw new IllegalArgumentException("ZT-7106 the " + role
                    + " token must be at most 16 KiB of printable ASCII without spaces (no \"Bearer \" prefix)");
        }
        return token;
    }

    private static boolean visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TokenRequest[audience=" + audience + ", scopes=" + scopes
                + (lifetime == null ? "" : ", lifetime=" + lifetime)
                + (subjectToken == null ? "" : ", onBehalfOf=<redacted>")
                + (actorToken == null ? "" : ", actor=<redacted>") + "]";
    }
}
