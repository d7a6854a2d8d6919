package dev.zt.devissuer;

import java.time.Duration;
import java.util.Objects;

/**
 * DEVELOPMENT ONLY: CI pipeline OIDC tokens shaped like GitHub Actions' ({@code typ: JWT},
 * {@code sub = repo:<repository>:environment:<environment>}, claims {@code repository ref
 * environment workflow}), for any repository, ref and environment the developer names. They carry a
 * tempting {@code scope} claim ({@value #CLAIMED_SCOPE}) on purpose: a zt issuer with the
 * {@code ci-pipeline} profile must ignore it and grant only what its pipeline rules say.
 */
final class PipelineTokens {

    /** What every pipeline token claims for itself, and what zt must never grant because of it. */
    static final String CLAIMED_SCOPE = "deploy:production admin:all";

    private final TokenMinter minter;
    private final Duration maxLifetime;

    PipelineTokens(TokenMinter minter, Duration maxLifetime) {
        this.minter = minter;
        this.maxLifetime = maxLifetime;
    }

    /** @throws IllegalArgumentException naming the value that is wrong */
    IssuedToken mint(String repository, String ref, String environment, String workflow, String audience,
                     Duration lifetime) {
        text(repository, "repository");
        text(ref, "ref");
        text(environment, "environment");
        text(workflow, "workflow");
        text(audience, "audience");
        Objects.requireNonNull(lifetime, "ZT-8008 lifetime must not be null");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("ZT-8008 lifetime must be between 1 second and " + maxLifetime + ", got " + lifetime);
        }
        TokenMinter.PipelineGrant grant = new TokenMinter.PipelineGrant(repository, ref, environment, workflow, audience,
                CLAIMED_SCOPE, lifetime);
        IssuedToken token = minter.mintPipeline(grant);
        IssuerLog.issued("dev pipeline token", null, grant.subject(), audience, token.jti(), token.expiresAt());
        return token;
    }

    private static void text(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("ZT-8008 " + name + " must be non-blank text of at most 256 characters");
        }
    }
}
