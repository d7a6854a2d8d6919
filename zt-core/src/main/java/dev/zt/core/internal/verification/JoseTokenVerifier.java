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
import java.util.Map;

/**
 * Where tokens are verified. One pass, in this order, each step refusing before the next costs more:
 * size cap, cache, strict compact-JWS split, header policy (alg allow-list, typ, crit, zip), key by
 * kid and alg from the configured key source only, signature, claims and time, actor mapping.
 */
public final class JoseTokenVerifier implements TokenVerifier {

    private final TokenPolicy policy;
    private final KeySource keys;
    private final Clock clock;
    private final VerifiedTokenCache cache;

    /** @param cache null to verify every token every time */
    public JoseTokenVerifier(TokenPolicy policy, KeySource keys, Clock clock, VerifiedTokenCache cache) {
        this.policy = policy;
        this.keys = keys;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public Actor verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(RejectionReason.MISSING);
        }
        if (token.length() > policy.maxTokenBytes()) {
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
        CompactJws jws = CompactJws.parse(token, policy.maxTokenBytes());
        JoseHeader header = JoseHeader.parse(jws.header(), policy.algorithms());
        header.requireType(policy);
        VerificationKey key = SignatureLayer.verify(jws, header, keys);
        Map<String, Object> claims = JsonObjects.parse(jws.payload(), RejectionReason.MALFORMED_CLAIMS);
        Actor actor = ActorMapping.toActor(claims, policy, clock.instant());
        if (cache != null) {
            cache.put(digest, actor, key);
        }
        return actor;
    }

    @Override
    public TokenPolicy policy() {
        return policy;
    }
}
