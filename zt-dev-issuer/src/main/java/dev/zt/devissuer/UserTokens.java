package dev.zt.devissuer;

import dev.zt.core.Actor;
import dev.zt.core.Scopes;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Development-only user tokens: any subject, tenant, scopes and audience the developer names,
 * without a login. They look exactly like tokens a real IdP would issue to a user through a
 * client ({@code client_id} is {@link DevIssuer#USER_TOKEN_CLIENT_ID}, not the subject, so zt
 * sees a USER).
 */
final class UserTokens {

    private final TokenMinter minter;
    private final Duration maxLifetime;

    UserTokens(TokenMinter minter, Duration maxLifetime) {
        this.minter = minter;
        this.maxLifetime = maxLifetime;
    }

    /** @throws IllegalArgumentException naming the value that is wrong */
    IssuedToken mint(String subject, String tenant, Collection<String> scopes, String audience, Duration lifetime) {
        text(subject, "subject");
        text(audience, "audience");
        if (tenant != null && !Actor.TENANT_PATTERN.matcher(tenant).matches()) {
            throw new IllegalArgumentException("ZT-8008 tenant must match " + Actor.TENANT_PATTERN.pattern());
        }
        Objects.requireNonNull(scopes, "ZT-8008 scopes must not be null (pass an empty list for none)");
        Set<String> ordered = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope == null || !Scopes.isValidScopeToken(scope)) {
                throw new IllegalArgumentException("ZT-8008 '" + scope + "' is not an RFC 6749 scope token");
            }
            ordered.add(scope);
        }
        Objects.requireNonNull(lifetime, "ZT-8008 lifetime must not be null");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("ZT-8008 lifetime must be between 1 second and " + maxLifetime + ", got " + lifetime);
        }
        IssuedToken token = minter.mint(new TokenMinter.Grant(subject, audience, DevIssuer.USER_TOKEN_CLIENT_ID, ordered,
                tenant, null, lifetime));
        IssuerLog.issued("dev user token", DevIssuer.USER_TOKEN_CLIENT_ID, subject, audience, token.jti(), token.expiresAt());
        return token;
    }

    private static void text(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("ZT-8008 " + name + " must be non-blank text of at most 256 characters");
        }
    }
}
