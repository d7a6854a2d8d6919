package dev.zt.filter.it;

import static dev.zt.filter.it.Refusals.assertAccepted;
import static dev.zt.filter.it.Refusals.assertAnonymous;
import static dev.zt.filter.it.Refusals.assertInsufficientScope;
import static dev.zt.filter.it.Refusals.assertInvalidRequest;
import static dev.zt.filter.it.Refusals.assertInvalidToken;
import static dev.zt.filter.it.Refusals.assertNoCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import dev.zt.core.Jwks;
import dev.zt.core.JsonLinesAuditSink;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the filter leaves exactly one DENIED audit event with its reason id, the action
 * (method and canonical path), the remote address and the trace-id of a valid {@code traceparent};
 * actor fields only when the actor is known (a 403 on a path scope). Accepted requests and public
 * paths record nothing (the filter records refusals only). No event line holds the token or its
 * signature. Each test runs its own server and trail, and closes the trail (which drains it) before
 * asserting, so "exactly one" is counted after delivery is complete.
 */
class AuditTrailIT {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private AuditTrail trail;
    private ZeroTrustServer server;
    private Http http;

    @BeforeEach
    void start() {
        LogCapture.install();
        trail = AuditTrail.builder().sink(events::add).sink(new JsonLinesAuditSink()).clock(CLOCK).build();
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).auditTrail(trail).build());
        http = new Http(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        trail.close();
    }

    /** Drains the trail and returns everything it delivered. */
    private List<AuditEvent> delivered() {
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(trail.dropped()).isZero();
        assertThat(trail.sinkFailures()).isZero();
        return List.copyOf(events);
    }

    private static AuditEvent single(List<AuditEvent> events) {
        assertThat(events).hasSize(1);
        assertThat(events.get(0).layer()).isEqualTo(AuditEvent.Layer.FILTER);
        return events.get(0);
    }

    private static void assertNoActor(AuditEvent event) {
        assertThat(event.actorSubject()).isEmpty();
        assertThat(event.actorKind()).isEmpty();
        assertThat(event.actorTenant()).isEmpty();
        assertThat(event.delegation()).isEmpty();
        assertThat(event.clientId()).isEmpty();
        assertThat(event.tokenId()).isEmpty();
        assertThat(event.purpose()).isEmpty();
    }

    private static void assertNoSecret(AuditEvent event, String token) {
        String line = event.toJson();
        assertThat(line).doesNotContain(token);
        assertThat(line).doesNotContain(Tokens.segments(token)[2]);
        assertThat(line).doesNotContain(Tokens.segments(token)[1]);
    }

    @Test
    void requestWhenNoCredentialsThenOneDeniedEventWithMissingReasonActionAddressAndTraceId() throws Exception {
        assertNoCredentials(http.get("/orders/7", "traceparent", TRACEPARENT));
        AuditEvent event = single(delivered());
        assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(event.reason()).isEqualTo("ZT-2000");
        assertThat(event.action()).contains("GET /orders/7");
        assertThat(event.remoteAddress()).contains("127.0.0.1");
        assertThat(event.traceId()).contains(TRACE_ID);
        assertThat(event.requestId()).isPresent();
        assertThat(event.time()).isEqualTo(CLOCK.instant());
        assertNoActor(event);
        Map<String, Object> json = JsonUtil.parseJson(event.toJson());
        assertThat(json).containsEntry("reason", "ZT-2000").containsEntry("traceId", TRACE_ID).doesNotContainKey("actorSubject");
    }

    @Test
    void requestWhenSignatureForgedThenOneDeniedEventWithRejectionReasonAndNoTokenInIt() {
        String forged = Tokens.flipSignatureByte(TestTokens.valid(CLOCK).sign());
        assertInvalidToken(http.bearer("/orders", forged));
        AuditEvent event = single(delivered());
        assertThat(event.reason()).isEqualTo("ZT-2012");
        assertThat(event.action()).contains("GET /orders");
        assertNoActor(event);
        assertNoSecret(event, forged);
    }

    @Test
    void requestWhenTokenExpiredThenOneDeniedEventWithExpiredReasonAndNoActorFromTheUnverifiedClaims() {
        String expired = TestTokens.valid(CLOCK).issuedAt(CLOCK.instant().minusSeconds(3600))
                .expiresAt(CLOCK.instant().minusSeconds(3000)).sign();
        assertInvalidToken(http.bearer("/orders", expired));
        AuditEvent event = single(delivered());
        assertThat(event.reason()).isEqualTo("ZT-2017");
        assertNoActor(event);
        assertNoSecret(event, expired);
    }

    @Test
    void requestWhenCredentialAmbiguousThenOneInvalidRequestEventWithoutTheQuery() {
        String token = TestTokens.valid(CLOCK).sign();
        assertInvalidRequest(http.get("/orders?access_token=" + token, "Authorization", "Bearer " + token));
        AuditEvent event = single(delivered());
        assertThat(event.reason()).isEqualTo("ZT-6101");
        assertThat(event.action()).contains("GET /orders");
        assertNoActor(event);
        assertNoSecret(event, token);
    }

    @Test
    void requestWhenPathScopeMissingThenOneScopeEventWithTheVerifiedActor() {
        String token = TestTokens.valid(CLOCK).claim("jti", "audit-jti-1").sign();
        assertInsufficientScope(http.bearer("/admin/users", token), "admin:write");
        AuditEvent event = single(delivered());
        assertThat(event.reason()).isEqualTo("ZT-3001");
        assertThat(event.action()).contains("GET /admin/users");
        assertThat(event.actorSubject()).contains("alice");
        assertThat(event.actorKind()).isPresent();
        assertThat(event.actorTenant()).contains("acme");
        assertThat(event.clientId()).contains("web-app");
        assertThat(event.tokenId()).contains("audit-jti-1");
        assertNoSecret(event, token);
    }

    @Test
    void requestWhenAcceptedOrPublicThenNoEventButARefusalAfterwardsIsRecorded() {
        String token = TestTokens.valid(CLOCK).sign();
        assertAccepted(http.bearer("/orders", token), "alice");
        assertAnonymous(http.get("/health"));
        assertNoCredentials(http.get("/orders"));   // positive control: the trail does record
        AuditEvent event = single(delivered());
        assertThat(event.reason()).isEqualTo("ZT-2000");
    }

    @Test
    void requestWhenTraceparentInvalidThenNoTraceId() {
        assertNoCredentials(http.get("/a", "traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"));
        assertNoCredentials(http.get("/b", "traceparent", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01"));
        assertNoCredentials(http.get("/c", "traceparent", "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01"));
        assertNoCredentials(http.get("/d", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra"));
        assertNoCredentials(http.get("/e", "traceparent", "\"},\"outcome\":\"GRANTED"));
        List<AuditEvent> all = delivered();
        assertThat(all).hasSize(5).allSatisfy(e -> assertThat(e.traceId()).isEmpty());
        assertThat(all).extracting(AuditEvent::outcome).containsOnly(Outcome.DENIED);
    }

    @Test
    void requestWhenPathHostileThenActionIsCanonicalAndLineIsOneValidJsonObject() throws Exception {
        assertNoCredentials(http.get("/orders/%22%7D"));
        AuditEvent event = single(delivered());
        String line = event.toJson();
        assertThat(line).doesNotContain("\n");
        Map<String, Object> json = JsonUtil.parseJson(line);
        assertThat(json).containsEntry("outcome", "DENIED").containsEntry("action", event.action().orElseThrow());
    }
}
