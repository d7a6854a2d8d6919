package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Jwks;
import dev.zt.core.testing.FixedKeySource;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code startAsync()} then {@code dispatch()} from another thread: the ASYNC dispatch sees the same
 * actor (ActorContext, principal, auth type) as the original request; the thread that ran
 * {@code AsyncContext.start} saw none; and afterwards no pooled thread holds an actor.
 */
class AsyncDispatchIT {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final String ADVANCE_CLOCK = "X-Test-Advance-Clock-Seconds";
    private static final FixedKeySource ROTATING_KEYS = FixedKeySource.of(TestKeys.RS256, TestKeys.NEXT_RS256);
    private static ZeroTrustServer server;
    private static ZeroTrustServer rotating;
    private static final java.util.concurrent.atomic.AtomicInteger ROTATING_HOOK_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() {
        LogCapture.install();
        // a small pool, so later requests land on the threads that served the async ones
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).build(), 8, false, request -> {
                    String advance = request.getHeader(ADVANCE_CLOCK);
                    if (advance != null) {
                        CLOCK.advance(Duration.ofSeconds(Long.parseLong(advance)));
                    }
                });
    }

    @BeforeAll
    static void startRotating() {
        rotating = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(), ROTATING_KEYS, CLOCK).build(),
                8, false, request -> {
                    ROTATING_HOOK_RUNS.incrementAndGet();
                    ROTATING_KEYS.remove(TestKeys.NEXT_RS256.kid());
                });
    }

    @AfterAll
    static void stop() throws Exception {
        rotating.close();
        server.close();
    }

    @Test
    void asyncDispatchWhenTokenValidThenDispatchedThreadSeesTheSameActor() {
        String token = TestTokens.valid(CLOCK).subject("carol").tenant("globex").sign();

        Reply reply = new Http(server).bearer("/async/orders", token);

        Map<String, Object> seen = Refusals.assertAccepted(reply, "carol");
        assertThat(seen).containsEntry("dispatcherType", "ASYNC")
                .containsEntry("tenant", "globex")
                .containsEntry("principalTenant", "globex")
                .containsEntry("startThreadContext", "none");
    }

    @Test
    void asyncDispatchWhenTokenExpiredWithinSkewThenAcceptedLikeASyncRequest() {
        // accepted on a plain request (HostileTokenIT): the async dispatch must agree
        String token = TestTokens.valid(CLOCK).issuedAt(CLOCK.instant().minusSeconds(300))
                .expiresAt(CLOCK.instant().minusSeconds(10)).sign();
        Refusals.assertAccepted(new Http(server).bearer("/orders", token), "alice");

        Map<String, Object> seen = Refusals.assertAccepted(new Http(server).bearer("/async/orders", token), "alice");

        assertThat(seen).containsEntry("dispatcherType", "ASYNC");
    }

    @Test
    void asyncDispatchWhenTokenExpiresBeforeTheDispatchThenRefused() {
        String token = TestTokens.valid(CLOCK).expiresAt(CLOCK.instant().plusSeconds(60)).sign();

        // the clock passes exp + skew between the REQUEST dispatch and the ASYNC dispatch
        Reply reply = new Http(server).get("/async/orders", "Authorization", "Bearer " + token, ADVANCE_CLOCK, "120");

        Refusals.assertInvalidToken(reply);
    }

    @Test
    void asyncDispatchWhenSigningKeyRotatedOutBeforeTheDispatchThenRefused() {
        Http http = new Http(rotating);
        // positive control: a key that stays trusted survives the same hook
        Refusals.assertAccepted(http.bearer("/async/orders", TestTokens.valid(CLOCK).sign()), "alice");

        ROTATING_KEYS.remove(TestKeys.NEXT_RS256.kid());
        ROTATING_KEYS.add(TestKeys.NEXT_RS256.verificationKey());
        int hookRuns = ROTATING_HOOK_RUNS.get();

        Reply reply = http.bearer("/async/orders", TestTokens.valid(CLOCK).signedWith(TestKeys.NEXT_RS256).sign());

        Refusals.assertInvalidToken(reply);
        assertThat(ROTATING_HOOK_RUNS.get()).as("the REQUEST dispatch accepted the token and went async").isEqualTo(hookRuns + 1);
    }

    @Test
    void asyncDispatchWhenClockMovesWithinValidityThenAccepted() {
        String token = TestTokens.valid(CLOCK).expiresAt(CLOCK.instant().plusSeconds(300)).sign();

        Reply reply = new Http(server).get("/async/orders", "Authorization", "Bearer " + token, ADVANCE_CLOCK, "60");

        Refusals.assertAccepted(reply, "alice");
    }

    @Test
    void asyncDispatchWhenNoTokenThenRefusedBeforeTheServletRuns() {
        Refusals.assertNoCredentials(new Http(server).get("/async/orders"));
    }

    @Test
    void asyncDispatchWhenTokenInvalidThenRefused() {
        Refusals.assertInvalidToken(new Http(server).bearer("/async/orders",
                Tokens.flipSignatureByte(TestTokens.valid(CLOCK).sign())));
    }

    @Test
    void workerThreadsWhenAsyncRequestsDoneThenHoldNoActor() {
        Http http = new Http(server);
        for (int i = 0; i < 40; i++) {
            String token = TestTokens.valid(CLOCK).subject("user-" + i).sign();
            Refusals.assertAccepted(http.bearer("/async/orders", token), "user-" + i);
        }

        for (int i = 0; i < 80; i++) {
            Refusals.assertAnonymous(http.get("/public/echo"));
            Refusals.assertAnonymous(http.get("/health"));
        }
    }
}
