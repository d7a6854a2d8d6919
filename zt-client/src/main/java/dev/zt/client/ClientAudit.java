package dev.zt.client;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.RequestCorrelation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit events of the token client (layer {@code CLIENT}): one {@code GRANTED} {@value #OBTAINED}
 * per token obtained from the endpoint (a cache hit records nothing), one {@code DENIED} per failure,
 * with the failure's own {@code ZT-70nn} id. Fields: our client id, the audience as target, the
 * scopes, lifetime and grant as detail, the obtained token's {@code jti}, and for a token exchange
 * the actor on whose behalf it is made with us first in its delegation chain.
 *
 * <p>Never a token (obtained, subject or actor), the client secret or the response body: the one
 * thing taken from the response besides the lifetime is its {@code scope}, and of that only the
 * requested scopes it contains are written, and how many others it named.
 */
final class ClientAudit {

    /** A service token was obtained from the token endpoint. */
    static final String OBTAINED = "ZT-7000";

    /**
     * One call for a token, taken on the caller's thread (the actor and the request correlation are
     * thread-bound; the fetch completes on another thread).
     */
    record Call(String clientId, TokenRequest request, Actor actor, RequestCorrelation correlation) {

        static Call now(String clientId, TokenRequest request) {
            return new Call(clientId, request, request.isExchange() ? ActorContext.current().orElse(null) : null,
                    RequestCorrelation.current().orElse(null));
        }
    }

    private ClientAudit() {
    }

    static void obtained(Call call, TokenResponses.Accepted accepted, Duration lifetime) {
        String jti = JwtId.of(accepted.token().value()).filter(id -> !isCredential(call.request(), id)).orElse(null);
        AuditEvent.Builder event = event(call, Outcome.GRANTED, OBTAINED)
                .tokenId(jti)
                .detail(scopeDetail(call.request().scopes(), accepted.scope()) + "; expires in "
                        + lifetime.toSeconds() + " s; grant " + grant(call.request()));
        Audit.record(event.build());
    }

    static void failed(Call call, ServiceTokenException failure) {
        AuditEvent.Builder event = event(call, Outcome.DENIED, failure.id())
                .tokenId(null)
                .detail(scopeDetail(call.request().scopes(), null) + "; grant " + grant(call.request()) + "; "
                        + failure.summary());
        Audit.record(event.build());
    }

    private static AuditEvent.Builder event(Call call, Outcome outcome, String reason) {
        AuditEvent.Builder event = Audit.event(Layer.CLIENT, outcome, reason);
        if (call.actor() != null) {
            List<String> delegation = new ArrayList<>();
            delegation.add(call.clientId());
            call.actor().actingParties().stream().map(ActingParty::subject).forEach(delegation::add);
            event.actor(call.actor()).delegation(delegation);
        }
        RequestCorrelation correlation = call.correlation();
        return event.clientId(call.clientId())
                .target(call.request().audience())
                .requestId(correlation == null ? null : correlation.requestId())
                .traceId(correlation == null ? null : correlation.traceId())
                .remoteAddress(correlation == null ? null : correlation.remoteAddress());
    }

    private static String grant(TokenRequest request) {
        if (!request.isExchange()) {
            return "client_credentials";
        }
        return request.actorToken() == null ? "token-exchange" : "token-exchange with actor token";
    }

    /**
     * {@code scope a b}: the requested scopes the response granted (all of them when it names none,
     * RFC 6749 5.1), then which were requested if it granted fewer, and how many it added.
     */
    static String scopeDetail(Set<String> requested, Object responseScope) {
        if (responseScope == null) {
            return "scope " + joined(requested);
        }
        if (!(responseScope instanceof String text)) {
            return "scope " + joined(requested) + " (requested; the response's scope is not a string)";
        }
        Set<String> named = new TreeSet<>();
        for (String scope : text.split(" ")) {
            if (!scope.isEmpty()) {
                named.add(scope);
            }
        }
        Set<String> granted = new TreeSet<>(requested);
        granted.retainAll(named);
        long added = named.stream().filter(scope -> !requested.contains(scope)).count();
        StringBuilder detail = new StringBuilder("scope ").append(joined(granted));
        if (granted.size() < requested.size()) {
            detail.append(" (requested ").append(joined(requested)).append(')');
        }
        if (added > 0) {
            detail.append(" (+").append(added).append(" not requested)");
        }
        return detail.toString();
    }

    private static String joined(Set<String> scopes) {
        return scopes.isEmpty() ? "(none)" : String.join(" ", scopes);
    }

    /** A {@code jti} that holds the subject or actor token (a hostile endpoint could echo one) is not written. */
    private static boolean isCredential(TokenRequest request, String id) {
        return Optional.ofNullable(request.subjectToken()).map(id::contains).orElse(false)
                || Optional.ofNullable(request.actorToken()).map(id::contains).orElse(false);
    }
}
