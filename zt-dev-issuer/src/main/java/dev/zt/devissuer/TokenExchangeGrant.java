package dev.zt.devissuer;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.Jwks;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.TokenVerifier;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 8693 token exchange: the authenticated client acts on behalf of the subject of a token this
 * issuer signed. The subject token is verified with zt-core's {@link TokenVerifier} under the
 * default policy, against this issuer's own published keys, and must be addressed to the client
 * ({@link DevClient#subjectTokenAudiences()}). The new token keeps the subject's {@code sub} and
 * {@code tenant}, gets the requested audience and scopes (checked against the client), names the
 * client in {@code client_id} and in {@code act} (nesting any earlier {@code act}), and never
 * outlives the subject token.
 */
final class TokenExchangeGrant implements TokenGrant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    /** zt-core refuses longer {@code act} chains. */
    static final int MAX_DELEGATION_DEPTH = 8;

    private final String issuer;
    private final KeyRing keys;
    private final Clock clock;
    private final TokenMinter minter;

    TokenExchangeGrant(String issuer, KeyRing keys, Clock clock, TokenMinter minter) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
        this.minter = minter;
    }

    @Override
    public IssuedToken issue(DevClient client, Map<String, String> params) {
        String subjectToken = TokenRequests.required(params, "subject_token");
        if (!isAccessTokenType(TokenRequests.required(params, "subject_token_type"))) {
            throw OAuthError.invalidRequest("subject_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        String requestedType = params.get("requested_token_type");
        if (requestedType != null && !isAccessTokenType(requestedType)) {
            throw OAuthError.invalidRequest("requested_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        if (params.containsKey("actor_token")) {
            throw OAuthError.invalidRequest("actor_token is not supported: the authenticated client is the actor");
        }
        String audience = TokenRequests.audience(params, client);
        Set<String> scopes = TokenRequests.scopes(params, client);
        Actor subject = verify(subjectToken, client);
        if (subject.actingParties().size() >= MAX_DELEGATION_DEPTH) {
            throw OAuthError.invalidGrant("the subject token's delegation chain is already " + MAX_DELEGATION_DEPTH + " deep");
        }
        Duration remaining = Duration.between(clock.instant(), subject.expiresAt());
        if (remaining.compareTo(Duration.ofSeconds(1)) < 0) {
            throw OAuthError.invalidGrant("the subject token has expired");
        }
        Duration lifetime = remaining.compareTo(client.tokenLifetime()) < 0 ? remaining : client.tokenLifetime();
        return minter.mint(new TokenMinter.Grant(subject.subject(), audience, client.id(), scopes,
                subject.tenant().orElse(null), act(client.id(), subject.actingParties()), lifetime));
    }

    private Actor verify(String subjectToken, DevClient client) {
        List<String> audiences = List.copyOf(client.subjectTokenAudiences());
        TokenPolicy policy = TokenPolicy.forIssuer(issuer)
                .audience(audiences.get(0), audiences.subList(1, audiences.size()).toArray(String[]::new))
                .build();
        TokenVerifier verifier = TokenVerifier.builder(policy, Jwks.fromJson(keys.jwksJson()))
                .clock(clock)
                .cacheEntries(0)
                .build();
        try {
            return verifier.verify(subjectToken);
        } catch (TokenRejectedException e) {
            IssuerLog.subjectTokenRejected(client.id(), e.reason().id(), e.reason().name());
            throw OAuthError.invalidGrant("subject_token is not a valid, unexpired token of this issuer addressed to this client");
        }
    }

    /** {@code {"sub": client, "act": {earlier actor, "act": {...}}}}: the current actor outermost (RFC 8693 4.1). */
    static Map<String, Object> act(String clientId, List<ActingParty> earlier) {
        Map<String, Object> inner = null;
        for (int i = earlier.size() - 1; i >= 0; i--) {
            inner = link(earlier.get(i).subject(), earlier.get(i).issuer(), earlier.get(i).clientId(), inner);
        }
        return link(clientId, null, null, inner);
    }

    private static Map<String, Object> link(String sub, String iss, String clientId, Map<String, Object> inner) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("sub", sub);
        if (iss != null) {
            link.put("iss", iss);
        }
        if (clientId != null) {
            link.put("client_id", clientId);
        }
        if (inner != null) {
            link.put("act", inner);
        }
        return link;
    }

    private static boolean isAccessTokenType(String type) {
        return ACCESS_TOKEN_TYPE.equals(type) || JWT_TOKEN_TYPE.equals(type);
    }
}
