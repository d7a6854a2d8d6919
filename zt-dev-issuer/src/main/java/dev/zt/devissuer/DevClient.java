package dev.zt.devissuer;

import dev.zt.core.Actor;
import dev.zt.core.Scopes;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OAuth client registered with the development issuer: what it may ask for. Its secret is not
 * part of this value: the issuer generates one at build time and hands it out only on request
 * ({@link DevIssuer#clientSecret}, {@link DevIssuer#writeClientSecret}). Immutable.
 *
 * <pre>{@code
 * DevClient orders = DevClient.withId("orders-service")
 *         .audiences("inventory-service")
 *         .scopes("inventory:read", "inventory:reserve")
 *         .build();
 * }</pre>
 */
public final class DevClient {

    /** What a client id may look like: letters, digits, {@code . _ -}, 1 to 64 characters. */
    public static final Pattern ID_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final String id;
    private final Set<String> audiences;
    private final Set<String> scopes;
    private final Duration tokenLifetime;
    private final String tenant;
    private final Set<String> subjectTokenAudiences;

    private DevClient(Builder b) {
        this.id = b.id;
        this.audiences = Set.copyOf(b.audiences);
        this.scopes = Set.copyOf(b.scopes);
        this.tokenLifetime = b.tokenLifetime;
        this.tenant = b.tenant;
        this.subjectTokenAudiences = Set.copyOf(b.subjectTokenAudiences.isEmpty() ? List.of(b.id) : b.subjectTokenAudiences);
    }

    public static Builder withId(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    /** The audiences ({@code aud}, RFC 8707 resources) it may request tokens for. */
    public Set<String> audiences() {
        return audiences;
    }

    /** The scopes it may request; asking for any other is {@code invalid_scope}. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The lifetime of each token issued to it (its maximum: exchanged tokens may be shorter). */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** The tenant its client-credentials tokens carry, if it is bound to one. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * In a token exchange, the subject token's {@code aud} must name one of these: a client may
     * exchange only tokens that were addressed to it. Default: its own id.
     */
    public Set<String> subjectTokenAudiences() {
        return subjectTokenAudiences;
    }

    @Override
    public String toString() {
        return "DevClient[" + id + ", audiences=" + audiences + ", scopes=" + scopes + ", tokenLifetime=" + tokenLifetime
                + (tenant == null ? "" : ", tenant=" + tenant) + "]";
    }

    /** Builds a {@link DevClient}; {@link #build()} names the setting that is wrong. */
    public static final class Builder {
        private final String id;
        private final Set<String> audiences = new LinkedHashSet<>();
        private final Set<String> scopes = new LinkedHashSet<>();
        private final Set<String> subjectTokenAudiences = new LinkedHashSet<>();
        private Duration tokenLifetime = DevIssuer.DEFAULT_TOKEN_LIFETIME;
        private String tenant;

        private Builder(String id) {
            this.id = id;
        }

        /** Mandatory: at least one audience the client may request tokens for. */
        public Builder audiences(String... audiences) {
            return audiences(List.of(audiences));
        }

        public Builder audiences(Collection<String> audiences) {
            this.audiences.addAll(audiences);
            return this;
        }

        public Builder scopes(String... scopes) {
            return scopes(List.of(scopes));
        }

        public Builder scopes(Collection<String> scopes) {
            this.scopes.addAll(scopes);
            return this;
        }

        /** Default {@link DevIssuer#DEFAULT_TOKEN_LIFETIME} (5 minutes); at most the issuer's maximum token lifetime. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** Replaces the default (the client's own id); see {@link DevClient#subjectTokenAudiences()}. */
        public Builder acceptsSubjectTokensFor(String... audiences) {
            subjectTokenAudiences.addAll(List.of(audiences));
            return this;
        }

        public DevClient build() {
            if (id == null || !ID_PATTERN.matcher(id).matches()) {
                throw new IllegalArgumentException("ZT-8002 a client id must match " + ID_PATTERN.pattern() + ", got: " + id);
            }
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException("ZT-8002 client " + id + ": name at least one audience it may request");
            }
            for (String aud : audiences) {
                requireText(aud, "client " + id + ": an audience");
            }
            for (String aud : subjectTokenAudiences) {
                requireText(aud, "client " + id + ": a subject token audience");
            }
            for (String scope : scopes) {
                if (scope == null || !Scopes.isValidScopeToken(scope)) {
                    throw new IllegalArgumentException("ZT-8002 client " + id + ": '" + scope + "' is not an RFC 6749 scope token");
                }
            }
            Objects.requireNonNull(tokenLifetime, "ZT-8002 client " + id + ": tokenLifetime");
            if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0 || tokenLifetime.compareTo(DevIssuer.LIFETIME_CAP) > 0) {
                throw new IllegalArgumentException("ZT-8002 client " + id + ": tokenLifetime must be between 1 second and "
                        + DevIssuer.LIFETIME_CAP + ", got " + tokenLifetime);
            }
            if (tenant != null && !Actor.TENANT_PATTERN.matcher(tenant).matches()) {
                throw new IllegalArgumentException("ZT-8002 client " + id + ": tenant must match " + Actor.TENANT_PATTERN.pattern());
            }
            return new DevClient(this);
        }

        private static void requireText(String value, String what) {
            if (value == null || value.isBlank() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("ZT-8002 " + what + " must be non-blank text of at most 256 characters");
            }
        }
    }
}
