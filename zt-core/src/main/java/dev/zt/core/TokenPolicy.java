package dev.zt.core;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a bearer token must be to be accepted: immutable, built from {@link #forIssuer} and checked
 * when built, so a policy that exists is a policy that makes sense.
 *
 * <pre>{@code
 * TokenPolicy policy = TokenPolicy.forIssuer("https://idp.example.com/realms/acme")
 *         .audience("orders-service")
 *         .build();
 * }</pre>
 *
 * Defaults: algorithms RS256, PS256, ES256, EdDSA; token types {@code at+jwt} (RFC 9068; also
 * written {@code application/at+jwt}); clock skew 30 s (at most 60 s); maximum lifetime
 * {@code exp - iat} 1 h; required claims {@code iss aud exp iat sub jti}; scopes from {@code scope}
 * (a space-delimited string or an array of strings); tenant from {@code tenant}; purpose from
 * {@code purpose}; kind from {@code actor_kind}; at most 8 KiB per token.
 */
public final class TokenPolicy {

    /** Asymmetric JWS algorithms zt can verify against a JWKS. {@code none} and HMAC are never among them. */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "PS256", "ES256", "EdDSA");
    public static final Set<String> DEFAULT_TOKEN_TYPES = Set.of("at+jwt");
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofHours(1);
    public static final Set<String> ALWAYS_REQUIRED_CLAIMS = Set.of("iss", "aud", "exp", "iat", "sub");
    public static final Set<String> DEFAULT_REQUIRED_CLAIMS = Set.of("iss", "aud", "exp", "iat", "sub", "jti");
    public static final int DEFAULT_MAX_TOKEN_BYTES = 8 * 1024;

    private final Set<String> issuers;
    private final Set<String> audiences;
    private final Set<String> algorithms;
    private final Set<String> tokenTypes;
    private final Duration clockSkew;
    private final Duration maxTokenLifetime;
    private final Set<String> requiredClaims;
    private final String scopeClaim;
    private final String tenantClaim;
    private final String purposeClaim;
    private final String kindClaim;
    private final int maxTokenBytes;
    private final Set<String> delegatingClients;
    private final boolean pipeline;
    private final List<PipelineRule> pipelineRules;

    private TokenPolicy(Builder b) {
        this.issuers = Set.copyOf(b.issuers);
        this.audiences = Set.copyOf(b.audiences);
        this.algorithms = Set.copyOf(b.algorithms);
        this.tokenTypes = Set.copyOf(b.tokenTypes);
        this.clockSkew = b.clockSkew;
        this.maxTokenLifetime = b.maxTokenLifetime;
        this.requiredClaims = Set.copyOf(b.requiredClaims);
        this.scopeClaim = b.scopeClaim;
        this.tenantClaim = b.tenantClaim;
        this.purposeClaim = b.purposeClaim;
        this.kindClaim = b.kindClaim;
        this.maxTokenBytes = b.maxTokenBytes;
        this.delegatingClients = Set.copyOf(b.delegatingClients);
        this.pipeline = b.pipeline;
        this.pipelineRules = List.copyOf(b.pipelineRules);
    }

    /** Starts a policy that trusts tokens whose {@code iss} equals one of these, exactly. */
    public static Builder forIssuer(String issuer, String... moreIssuers) {
        Builder b = new Builder();
        b.issuers.add(issuer);
        b.issuers.addAll(List.of(moreIssuers));
        return b;
    }

    public Set<String> issuers() {
        return issuers;
    }

    /** A token is accepted when its {@code aud} (string or array) contains at least one of these. */
    public Set<String> audiences() {
        return audiences;
    }

    public Set<String> algorithms() {
        return algorithms;
    }

    /** Accepted {@code typ} values, normalised: lower case, without an {@code application/} prefix. */
    public Set<String> tokenTypes() {
        return tokenTypes;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration maxTokenLifetime() {
        return maxTokenLifetime;
    }

    public Set<String> requiredClaims() {
        return requiredClaims;
    }

    public String scopeClaim() {
        return scopeClaim;
    }

    public String tenantClaim() {
        return tenantClaim;
    }

    public String purposeClaim() {
        return purposeClaim;
    }

    public String kindClaim() {
        return kindClaim;
    }

    public int maxTokenBytes() {
        return maxTokenBytes;
    }

    /**
     * Clients whose {@code azp}/{@code client_id}, when it differs from {@code sub} and the token
     * has no {@code act} claim, make the actor a delegation: that client acting for the subject.
     * (Keycloak's token exchange says "on whose behalf" this way instead of with {@code act}.)
     */
    public Set<String> delegatingClients() {
        return delegatingClients;
    }

    /** True for a CI pipeline issuer: actors are PIPELINE, and their scopes come only from {@link #pipelineRules()}. */
    public boolean isPipeline() {
        return pipeline;
    }

    public List<PipelineRule> pipelineRules() {
        return pipelineRules;
    }

    /** RFC 7515 4.1.9: {@code typ} is compared case-insensitively, and {@code application/} may be omitted. */
    public static String normaliseTokenType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    @Override
    public String toString() {
        return "TokenPolicy[issuers=" + issuers + ", audiences=" + audiences + ", algorithms=" + algorithms
                + ", tokenTypes=" + tokenTypes + ", clockSkew=" + clockSkew + ", maxTokenLifetime=" + maxTokenLifetime
                + ", requiredClaims=" + requiredClaims
                + (pipeline ? ", pipelineRules=" + pipelineRules : "")
                + (delegatingClients.isEmpty() ? "" : ", delegatingClients=" + delegatingClients) + "]";
    }

    /** Builds a {@link TokenPolicy}; {@link #build()} refuses anything unsafe or incomplete, naming the setting. */
    public static final class Builder {
        private final Set<String> issuers = new LinkedHashSet<>();
        private final Set<String> audiences = new LinkedHashSet<>();
        private Set<String> algorithms = DEFAULT_ALGORITHMS;
        private Set<String> tokenTypes = DEFAULT_TOKEN_TYPES;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private Duration maxTokenLifetime = DEFAULT_MAX_TOKEN_LIFETIME;
        private final Set<String> requiredClaims = new LinkedHashSet<>(DEFAULT_REQUIRED_CLAIMS);
        private String scopeClaim = "scope";
        private String tenantClaim = "tenant";
        private String purposeClaim = "purpose";
        private String kindClaim = "actor_kind";
        private int maxTokenBytes = DEFAULT_MAX_TOKEN_BYTES;
        private final Set<String> delegatingClients = new LinkedHashSet<>();
        private boolean pipeline;
        private final List<PipelineRule> pipelineRules = new java.util.ArrayList<>();

        private Builder() {
        }

        /** See {@link TokenPolicy#delegatingClients()}. */
        public Builder delegatingClients(Collection<String> clients) {
            delegatingClients.addAll(clients);
            return this;
        }

        public Builder delegatingClients(String... clients) {
            return delegatingClients(List.of(clients));
        }

        /**
         * Makes this a CI pipeline issuer (GitHub Actions-style OIDC tokens): every actor is a
         * PIPELINE, the token's own scope claims are ignored, and its scopes are the union of the
         * grants of the rules that match it exactly. A token no rule matches gets no scopes.
         */
        public Builder pipeline(Collection<PipelineRule> rules) {
            this.pipeline = true;
            this.pipelineRules.addAll(rules);
            return this;
        }

        public Builder pipeline(PipelineRule... rules) {
            return pipeline(List.of(rules));
        }

        /** Mandatory: the audience(s) this service answers to; a token must name at least one. */
        public Builder audience(String audience, String... more) {
            audiences.add(audience);
            audiences.addAll(List.of(more));
            return this;
        }

        public Builder algorithms(Collection<String> algorithms) {
            this.algorithms = new LinkedHashSet<>(algorithms);
            return this;
        }

        public Builder algorithms(String... algorithms) {
            return algorithms(List.of(algorithms));
        }

        /** Accepted {@code typ} values, e.g. {@code "at+jwt"}, or {@code "JWT"} for Keycloak, deliberately. */
        public Builder tokenTypes(Collection<String> types) {
            this.tokenTypes = new LinkedHashSet<>(types);
            return this;
        }

        public Builder tokenTypes(String... types) {
            return tokenTypes(List.of(types));
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew = skew;
            return this;
        }

        public Builder maxTokenLifetime(Duration lifetime) {
            this.maxTokenLifetime = lifetime;
            return this;
        }

        /** Claims a token must carry in addition to {@code iss aud exp iat sub}; replaces the default {@code jti}. */
        public Builder requiredClaims(Collection<String> claims) {
            requiredClaims.clear();
            requiredClaims.addAll(ALWAYS_REQUIRED_CLAIMS);
            requiredClaims.addAll(claims);
            return this;
        }

        public Builder requiredClaims(String... claims) {
            return requiredClaims(List.of(claims));
        }

        /** The claim holding scopes: a space-delimited string ({@code scope}) or an array of strings ({@code scp}). */
        public Builder scopeClaim(String claim) {
            this.scopeClaim = claim;
            return this;
        }

        public Builder tenantClaim(String claim) {
            this.tenantClaim = claim;
            return this;
        }

        public Builder purposeClaim(String claim) {
            this.purposeClaim = claim;
            return this;
        }

        /**
         * The claim naming the actor's kind ({@code user}, {@code service}, {@code worker},
         * {@code pipeline}). Without it, a token whose {@code client_id}/{@code azp} equals its
         * {@code sub} is a SERVICE (client credentials), any other a USER.
         */
        public Builder kindClaim(String claim) {
            this.kindClaim = claim;
            return this;
        }

        public Builder maxTokenBytes(int bytes) {
            this.maxTokenBytes = bytes;
            return this;
        }

        public TokenPolicy build() {
            for (String issuer : issuers) {
                if (issuer == null || issuer.isBlank()) {
                    throw new IllegalArgumentException("zt.issuer: an issuer must be a non-blank string");
                }
            }
            if (audiences.isEmpty() || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalArgumentException("zt.audience is mandatory: name the audience this service answers to");
            }
            Objects.requireNonNull(algorithms, "zt.algorithms");
            if (algorithms.isEmpty()) {
                throw new IllegalArgumentException("zt.algorithms: allow at least one algorithm");
            }
            for (String alg : algorithms) {
                if (!SUPPORTED_ALGORITHMS.contains(alg)) {
                    throw new IllegalArgumentException("zt.algorithms: '" + alg + "' is not allowed; zt verifies only "
                            + "asymmetric signatures against a JWKS (" + String.join(", ", SUPPORTED_ALGORITHMS.stream().sorted().toList())
                            + "); 'none' and HMAC are never accepted");
                }
            }
            if (tokenTypes == null || tokenTypes.isEmpty() || tokenTypes.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IllegalArgumentException("zt.token-types: accept at least one non-blank typ (default at+jwt)");
            }
            Set<String> normalised = new LinkedHashSet<>();
            tokenTypes.forEach(t -> normalised.add(normaliseTokenType(t.strip())));
            tokenTypes = normalised;
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("zt.clock-skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " seconds");
            }
            if (maxTokenLifetime == null || maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
                throw new IllegalArgumentException("zt.max-token-lifetime must be positive");
            }
            for (String claim : List.of(scopeClaim, tenantClaim, purposeClaim, kindClaim)) {
                if (claim == null || claim.isBlank()) {
                    throw new IllegalArgumentException("zt.claims.*: a claim name must be non-blank");
                }
            }
            if (requiredClaims.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new IllegalArgumentException("zt.required-claims: claim names must be non-blank");
            }
            if (maxTokenBytes < 256 || maxTokenBytes > 64 * 1024) {
                throw new IllegalArgumentException("zt.max-token-size must be between 256 and 65536 bytes");
            }
            if (issuers.isEmpty()) {
                throw new IllegalArgumentException("zt.issuer is mandatory");
            }
            if (delegatingClients.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new IllegalArgumentException("zt.delegating-clients: client ids must be non-blank");
            }
            return new TokenPolicy(this);
        }
    }
}
