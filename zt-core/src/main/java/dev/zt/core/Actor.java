package dev.zt.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The verified party behind a unit of work. Immutable; answers four questions:
 * <ul>
 *   <li><b>who</b>: {@link #subject()}, {@link #issuer()}, {@link #clientId()}, {@link #kind()};</li>
 *   <li><b>on whose behalf</b>: {@link #actingParties()}, the RFC 8693 {@code act} chain. When it is
 *       non-empty, {@link #subject()} is the party on whose behalf the call is made and
 *       {@code actingParties().get(0)} is the party actually making it (earlier actors follow);</li>
 *   <li><b>for what purpose</b>: {@link #purpose()}, optional;</li>
 *   <li><b>for how long</b>: {@link #issuedAt()} to {@link #expiresAt()};</li>
 * </ul>
 * plus {@link #tenant()}, {@link #scopes()} and {@link #tokenId()} ({@code jti}).
 *
 * <p>Actors come from a {@link TokenVerifier}, or from {@link #builder(String, ActorKind)} for work
 * that does not start with a token (a scheduled job running under {@link ActorContext#runAs}).
 * There is no anonymous actor: code that finds none denies.
 */
public final class Actor {

    /** What a tenant identifier may look like: letters, digits, {@code . _ -}, 1 to 64 characters. */
    public static final Pattern TENANT_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final String subject;
    private final String issuer;
    private final String clientId;
    private final ActorKind kind;
    private final List<ActingParty> actingParties;
    private final String purpose;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String tenant;
    private final Set<String> scopes;
    private final String tokenId;

    private Actor(Builder b) {
        this.subject = requireText(b.subject, "subject");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.issuer = requireText(b.issuer, "issuer");
        this.clientId = b.clientId;
        this.actingParties = List.copyOf(b.actingParties);
        this.purpose = b.purpose;
        this.issuedAt = Objects.requireNonNull(b.issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(b.expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an actor's expiresAt must be after its issuedAt");
        }
        if (b.tenant != null && !TENANT_PATTERN.matcher(b.tenant).matches()) {
            throw new IllegalArgumentException("tenant must match " + TENANT_PATTERN.pattern());
        }
        this.tenant = b.tenant;
        for (String scope : b.scopes) {
            if (!Scopes.isValidScopeToken(scope)) {
                throw new IllegalArgumentException("not a valid RFC 6749 scope token: '" + scope + "'");
            }
        }
        this.scopes = Set.copyOf(b.scopes);
        this.tokenId = b.tokenId;
    }

    /**
     * Starts an actor for work that does not begin with a token. Issuer defaults to {@code "local"};
     * the validity must be set ({@link Builder#validity} or {@link Builder#validFor}).
     */
    public static Builder builder(String subject, ActorKind kind) {
        return new Builder(subject, kind);
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }

    /** The OAuth client that obtained the token ({@code client_id}, else {@code azp}). */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public ActorKind kind() {
        return kind;
    }

    /** The RFC 8693 delegation chain, the current actor first; empty when nobody acts for anyone. */
    public List<ActingParty> actingParties() {
        return actingParties;
    }

    /** True when this actor is a party acting on behalf of {@link #subject()}. */
    public boolean isDelegated() {
        return !actingParties.isEmpty();
    }

    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True when {@code clock} says this actor's time is up. */
    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expiresAt);
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    public Set<String> scopes() {
        return scopes;
    }

    /** Exact, case-sensitive match: {@code orders:write} is not {@code orders:writer} nor {@code Orders:Write}. */
    public boolean hasScope(String scope) {
        return scope != null && scopes.contains(scope);
    }

    /** The token id ({@code jti}) the actor was verified from, if any. */
    public Optional<String> tokenId() {
        return Optional.ofNullable(tokenId);
    }

    /** A copy of this builder's values, for derived actors (e.g. a worker acting for a user). */
    public Builder toBuilder() {
        Builder b = new Builder(subject, kind);
        b.issuer = issuer;
        b.clientId = clientId;
        b.actingParties = List.copyOf(actingParties);
        b.purpose = purpose;
        b.issuedAt = issuedAt;
        b.expiresAt = expiresAt;
        b.tenant = tenant;
        b.scopes = new LinkedHashSet<>(scopes);
        b.tokenId = tokenId;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Actor a)) {
            return false;
        }
        return subject.equals(a.subject) && issuer.equals(a.issuer) && Objects.equals(clientId, a.clientId)
                && kind == a.kind && actingParties.equals(a.actingParties) && Objects.equals(purpose, a.purpose)
                && issuedAt.equals(a.issuedAt) && expiresAt.equals(a.expiresAt) && Objects.equals(tenant, a.tenant)
                && scopes.equals(a.scopes) && Objects.equals(tokenId, a.tokenId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, issuer, kind, tenant, tokenId, expiresAt);
    }

    /** Safe to log: identifies the actor, never carries a credential. */
    @Override
    public String toString() {
        return "Actor[" + kind + " " + subject + " @ " + issuer
                + (tenant == null ? "" : ", tenant=" + tenant)
                + (actingParties.isEmpty() ? "" : ", actedBy=" + actingParties.get(0).subject())
                + ", scopes=" + scopes + ", until=" + expiresAt + "]";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Builds an {@link Actor}; {@link #build()} checks every value. */
    public static final class Builder {
        private final String subject;
        private final ActorKind kind;
        private String issuer = "local";
        private String clientId;
        private List<ActingParty> actingParties = List.of();
        private String purpose;
        private Instant issuedAt;
        private Instant expiresAt;
        private String tenant;
        private Set<String> scopes = new LinkedHashSet<>();
        private String tokenId;

        private Builder(String subject, ActorKind kind) {
            this.subject = subject;
            this.kind = kind;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder actingParties(List<ActingParty> chain) {
            this.actingParties = List.copyOf(chain);
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder validity(Instant issuedAt, Instant expiresAt) {
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        public Builder scopes(Collection<String> scopes) {
            this.scopes = new LinkedHashSet<>(scopes);
            return this;
        }

        public Builder scopes(String... scopes) {
            return scopes(List.of(scopes));
        }

        public Builder tokenId(String tokenId) {
            this.tokenId = tokenId;
            return this;
        }

        /** Valid from {@code clock}'s now for {@code lifetime}. */
        public Builder validFor(Clock clock, Duration lifetime) {
            this.issuedAt = clock.instant();
            this.expiresAt = issuedAt.plus(lifetime);
            return this;
        }

        public Actor build() {
            return new Actor(this);
        }
    }
}
