package dev.zt.devissuer;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Signs RFC 9068 access tokens exactly as zt verifies them by default: header {@code typ: at+jwt}
 * and {@code kid}; claims {@code iss aud sub client_id iat exp jti}, {@code scope} (space-delimited)
 * when there are scopes, {@code tenant} when given, {@code act} for delegation.
 */
final class TokenMinter {

    private final String issuer;
    private final KeyRing keys;
    private final Clock clock;
    private final Consumer<String> onIssued;

    TokenMinter(String issuer, KeyRing keys, Clock clock, Consumer<String> onIssued) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
        this.onIssued = onIssued;
    }

    /** What goes into one token; {@code tenant} and {@code act} may be null. */
    record Grant(String subject, String audience, String clientId, Set<String> scopes, String tenant,
                 Map<String, Object> act, Duration lifetime) {
    }

    /**
     * DEVELOPMENT ONLY: what goes into a CI pipeline token (GitHub Actions-style OIDC claims).
     * {@code scope} is what the token claims for itself; a {@code ci-pipeline} issuer in zt ignores it.
     */
    record PipelineGrant(String repository, String ref, String environment, String workflow, String audience,
                         String scope, Duration lifetime) {

        /** GitHub's subject for a job in an environment: {@code repo:acme/app:environment:production}. */
        String subject() {
            return "repo:" + repository + ":environment:" + environment;
        }
    }

    /**
     * A CI pipeline OIDC token as GitHub Actions shapes it: header {@code typ: JWT} (not
     * {@code at+jwt}) and {@code kid}; claims {@code iss aud sub iat nbf exp jti repository ref
     * environment workflow}, and {@code scope} when given. No {@code client_id}, no tenant.
     */
    IssuedToken mintPipeline(PipelineGrant grant) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = now.plusSeconds(Math.max(1, grant.lifetime().toSeconds()));
        String jti = UUID.randomUUID().toString();

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(grant.audience());
        claims.setSubject(grant.subject());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setNotBefore(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(jti);
        claims.setClaim("repository", grant.repository());
        claims.setClaim("ref", grant.ref());
        claims.setClaim("environment", grant.environment());
        claims.setClaim("workflow", grant.workflow());
        if (grant.scope() != null) {
            claims.setClaim("scope", grant.scope());
        }
        return sign(claims, "JWT", jti, grant.subject(), grant.audience(), now, expiresAt, Set.of());
    }

    IssuedToken mint(Grant grant) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = now.plusSeconds(Math.max(1, grant.lifetime().toSeconds()));
        String jti = UUID.randomUUID().toString();

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(grant.audience());
        claims.setSubject(grant.subject());
        claims.setClaim("client_id", grant.clientId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(jti);
        if (!grant.scopes().isEmpty()) {
            claims.setClaim("scope", String.join(" ", grant.scopes()));
        }
        if (grant.tenant() != null) {
            claims.setClaim("tenant", grant.tenant());
        }
        if (grant.act() != null) {
            claims.setClaim("act", grant.act());
        }

        return sign(claims, "at+jwt", jti, grant.subject(), grant.audience(), now, expiresAt,
                Collections.unmodifiableSet(new LinkedHashSet<>(grant.scopes())));
    }

    private IssuedToken sign(JwtClaims claims, String type, String jti, String subject, String audience, Instant now,
                             Instant expiresAt, Set<String> scopes) {
        PublicJsonWebKey key = keys.signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(keys.algorithm().name());
        jws.setHeader("typ", type);
        try {
            String token = jws.getCompactSerialization();
            onIssued.accept(token);
            return new IssuedToken(token, jti, subject, audience, now, expiresAt, scopes);
        } catch (JoseException e) {
            throw new IllegalStateException("ZT-8006 cannot sign a token with key " + key.getKeyId() + ": " + e.getMessage(), e);
        }
    }
}
