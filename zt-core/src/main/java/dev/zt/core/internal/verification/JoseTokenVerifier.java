package dev.zt.core.internal.verification;

import dev.zt.core.Actor;
import dev.zt.core.KeySource;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.TokenVerifier;
import dev.zt.core.VerificationKey;
import dev.zt.core.internal.cache.TokenDigest;
import dev.zt.core.internal.cache.VerifiedTokenCache;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where tokens are verified. One pass, in this order, each step refusing before the next costs more:
 * size cap, cache, strict compact-JWS split, header rules, the issuer's own trust (by exact
 * {@code iss}; an unknown issuer is refused before any key is looked up or fetched), that issuer's
 * algorithm and {@code typ} rules, key by kid and alg from that issuer's key source only, signature,
 * claims and time, actor mapping.
 */
public final class JoseTokenVerifier implements TokenVerifier {

    /** One trusted issuer: its policy and its keys. */
    public record IssuerTrust(TokenPolicy policy, KeySource keys) {
    }

    private final Map<String, IssuerTrust> byIssuer;
    private final Set<String> anyAlgorithm;
    private final int maxTokenBytes;
    private final Clock clock;
    private final VerifiedTokenCache cache;

    /** @param cache null to verify every token every time */
    public JoseTokenVerifier(List<IssuerTrust> trusts, Clock clock, VerifiedTokenCache cache) {
        Map<String, IssuerTrust> issuers = new LinkedHashMap<>();
        Set<String> algorithms = new HashSet<>();
        int maxBytes = 0;
        for (IssuerTrust trust : trusts) {
            for (String issuer : trust.policy().issuers()) {
                if (issuers.put(issuer, trust) != null) {
                    throw new IllegalArgumentException("issuer '" + issuer + "' is trusted twice: one policy per issuer");
                }
            }
            algorithms.addAll(trust.policy().algorithms());
            maxBytes = Math.max(maxBytes, trust.policy().maxTokenBytes());
        }
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one trusted issuer");
        }
        this.byIssuer = Map.copyOf(issuers);
        this.anyAlgorithm = Set.copyOf(algorithms);
        this.maxTokenBytes = maxBytes;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public Actor verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(RejectionReason.MISSING);
        }
        if (token.length() > maxTokenBytes) {
            throw new TokenRejectedException(RejectionReason.TOO_LARGE);
        }
        TokenDigest digest = null;
        if (cache != null) {
            digest = TokenDigest.of(token);
            Actor cached = cache.get(digest);
            if (cached != null) {
                return cached;
            }
        }
        CompactJws jws = CompactJws.parse(token, maxTokenBytes);
        JoseHeader header = JoseHeader.parse(jws.header(), anyAlgorithm);
        // The claims are read before the signature only to choose the issuer's trust; nothing else
        // is taken from them until that issuer's key has verified the signature.
        Map<String, Object> claims = JsonObjects.parse(jws.payload(), RejectionReason.MALFORMED_CLAIMS);
        IssuerTrust trust = claims.get("iss") instanceof String iss ? byIssuer.get(iss) : null;
        if (trust == null) {
            throw new TokenRejectedException(claims.get("iss") == null ? RejectionReason.MISSING_CLAIM : RejectionReason.WRONG_ISSUER,
                    claims.get("iss") == null ? "iss" : null);
        }
        TokenPolicy policy = trust.policy();
        if (token.length() > policy.maxTokenBytes()) {
            throw new TokenRejectedException(RejectionReason.TOO_LARGE);
        }
        if (!policy.algorithms().contains(header.algorithm())) {
            throw new TokenRejectedException(RejectionReason.DISALLOWED_ALGORITHM);
        }
        header.requireType(policy);
        VerificationKey key = SignatureLayer.verify(jws, header, trust.keys());
        Actor actor = ActorMapping.toActor(claims, policy, clock.instant());
        if (cache != null) {
            cache.put(digest, actor, key, trust.keys());
        }
        return actor;
    }

    @Override
    public Set<String> issuers() {
        return byIssuer.keySet();
    }
}
