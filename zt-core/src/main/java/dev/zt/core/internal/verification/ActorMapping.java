package dev.zt.core.internal.verification;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.RejectionReason;
import dev.zt.core.Scopes;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenRejectedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a signature-verified claim set into an {@link Actor}, checking every claim zt relies on. */
public final class ActorMapping {

    static final int MAX_DELEGATION_DEPTH = 8;
    static final int MAX_SCOPES = 256;
    static final int MAX_TEXT = 256;

    private ActorMapping() {
    }

    public static Actor toActor(Map<String, Object> claimValues, TokenPolicy policy, Instant now) {
        Claims claims = new Claims(claimValues);
        for (String required : policy.requiredClaims()) {
            if (!claims.has(required)) {
                throw new TokenRejectedException(RejectionReason.MISSING_CLAIM, required);
            }
        }
        String issuer = claims.optionalString("iss", RejectionReason.WRONG_ISSUER);
        if (issuer == null || !policy.issuers().contains(issuer)) {
            throw new TokenRejectedException(RejectionReason.WRONG_ISSUER);
        }
        checkAudience(claims.raw("aud"), policy);
        Instant issuedAt = claims.numericDate("iat");
        Instant expiresAt = claims.numericDate("exp");
        TimeWindow.check(issuedAt, expiresAt, claims.numericDate("nbf"), now, policy);

        String subject = text(claims.requiredString("sub"), "sub");
        String clientId = claims.optionalString("client_id", RejectionReason.BAD_CLAIM);
        if (clientId == null) {
            clientId = claims.optionalString("azp", RejectionReason.BAD_CLAIM);
        }
        String tenant = claims.optionalString(policy.tenantClaim(), RejectionReason.BAD_TENANT);
        if (tenant != null && !Actor.TENANT_PATTERN.matcher(tenant).matches()) {
            throw new TokenRejectedException(RejectionReason.BAD_TENANT);
        }
        String purpose = claims.optionalString(policy.purposeClaim(), RejectionReason.BAD_CLAIM);
        if (purpose != null) {
            text(purpose, policy.purposeClaim());
        }
        String tokenId = claims.optionalString("jti", RejectionReason.BAD_CLAIM);
        if (tokenId != null) {
            text(tokenId, "jti");
        }
        ActorKind kind = policy.isPipeline() ? ActorKind.PIPELINE : kind(claims, policy, subject, clientId);
        List<ActingParty> chain = delegation(claims.raw("act"));
        // A service's own token (client credentials) names the service as azp too: that is the
        // service acting for itself, not a delegation.
        if (chain.isEmpty() && kind != ActorKind.SERVICE && clientId != null && !clientId.equals(subject)
                && policy.delegatingClients().contains(clientId)) {
            chain = List.of(new ActingParty(clientId, issuer, clientId));
        }
        return Actor.builder(subject, kind)
                .issuer(issuer)
                .clientId(clientId == null ? null : text(clientId, "client_id"))
                .actingParties(chain)
                .purpose(purpose)
                .validity(issuedAt, expiresAt)
                .tenant(tenant)
                .scopes(policy.isPipeline() ? pipelineScopes(claims, policy) : scopes(claims.raw(policy.scopeClaim())))
                .tokenId(tokenId)
                .build();
    }

    private static void checkAudience(Object aud, TokenPolicy policy) {
        if (aud instanceof String single) {
            if (policy.audiences().contains(single)) {
                return;
            }
        } else if (aud instanceof List<?> list && !list.isEmpty()) {
            boolean match = false;
            for (Object entry : list) {
                if (!(entry instanceof String s)) {
                    throw new TokenRejectedException(RejectionReason.WRONG_AUDIENCE, "aud holds a non-string");
                }
                match |= policy.audiences().contains(s);
            }
            if (match) {
                return;
            }
        }
        throw new TokenRejectedException(RejectionReason.WRONG_AUDIENCE);
    }

    private static ActorKind kind(Claims claims, TokenPolicy policy, String subject, String clientId) {
        String declared = claims.optionalString(policy.kindClaim(), RejectionReason.BAD_CLAIM);
        if (declared != null) {
            try {
                return ActorKind.valueOf(declared.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TokenRejectedException(RejectionReason.BAD_CLAIM, policy.kindClaim() + " is not a known kind");
            }
        }
        return subject.equals(clientId) ? ActorKind.SERVICE : ActorKind.USER;
    }

    private static Set<String> scopes(Object value) {
        if (value == null) {
            return Set.of();
        }
        List<?> tokens;
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return Set.of();
            }
            tokens = List.of(s.split(" ", -1)); // RFC 6749 3.3: exactly one space between tokens
        } else if (value instanceof List<?> list) {
            tokens = list;
        } else {
            throw new TokenRejectedException(RejectionReason.BAD_SCOPE, "neither a string nor an array");
        }
        if (tokens.size() > MAX_SCOPES) {
            throw new TokenRejectedException(RejectionReason.BAD_SCOPE, "too many scopes");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (Object token : tokens) {
            if (!(token instanceof String scope) || !Scopes.isValidScopeToken(scope)) {
                throw new TokenRejectedException(RejectionReason.BAD_SCOPE, "not a scope token");
            }
            scopes.add(scope);
        }
        return scopes;
    }

    /** Only the explicit rules grant a pipeline scopes; the token's own scope claims are ignored. */
    private static Set<String> pipelineScopes(Claims claims, TokenPolicy policy) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String name : dev.zt.core.PipelineRule.Builder.CLAIMS) {
            String value = claims.optionalString(name, RejectionReason.BAD_CLAIM);
            if (value != null) {
                values.put(name, value);
            }
        }
        Set<String> granted = new LinkedHashSet<>();
        for (dev.zt.core.PipelineRule rule : policy.pipelineRules()) {
            if (rule.matches(values)) {
                granted.addAll(rule.scopes());
            }
        }
        return granted;
    }

    private static List<ActingParty> delegation(Object act) {
        List<ActingParty> chain = new ArrayList<>();
        Object current = act;
        while (current != null) {
            if (chain.size() == MAX_DELEGATION_DEPTH) {
                throw new TokenRejectedException(RejectionReason.BAD_DELEGATION, "chain deeper than " + MAX_DELEGATION_DEPTH);
            }
            if (!(current instanceof Map<?, ?> link)) {
                throw new TokenRejectedException(RejectionReason.BAD_DELEGATION, "act is not an object");
            }
            Object sub = link.get("sub");
            Object iss = link.get("iss");
            Object client = link.get("client_id");
            if (!(sub instanceof String subject) || subject.isBlank() || subject.length() > MAX_TEXT
                    || (iss != null && !(iss instanceof String)) || (client != null && !(client instanceof String))) {
                throw new TokenRejectedException(RejectionReason.BAD_DELEGATION, "act needs a string sub");
            }
            chain.add(new ActingParty(subject, (String) iss, (String) client));
            current = link.get("act");
        }
        return chain;
    }

    private static String text(String value, String name) {
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM, name + " is blank or longer than " + MAX_TEXT);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new TokenRejectedException(RejectionReason.BAD_CLAIM, name + " holds control characters");
            }
        }
        return value;
    }
}
