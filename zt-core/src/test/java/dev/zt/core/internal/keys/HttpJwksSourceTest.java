package dev.zt.core.internal.keys;

import dev.zt.core.testing.MutableClock;
import static dev.zt.core.internal.keys.TestKeys.jwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A JWKS over HTTP against a real local server, with time driven by a {@link MutableClock}. */
class HttpJwksSourceTest {

    private static final String KEYS_A = jwks(TestKeys.rsaA());
    private static final String KEYS_A_B = jwks(TestKeys.rsaA(), TestKeys.rsaB());
    private static final String KEYS_B = jwks(TestKeys.rsaB());

    private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    private JwksServer server;
    private ExecutorService threads;

    @BeforeEach
    void startServer() throws Exception {
        server = new JwksServer().serve(KEYS_A).cacheControl("max-age=300");
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopServer() {
        threads.shutdownNow();
        server.close();
    }

    private Jwks.Builder jwksAtServer() {
        return Jwks.fromUri(server.uri()).clock(clock).timeout(Duration.ofSeconds(3));
    }

    @Test
    void keysForWhenServerUpThenFetchedLazilyOnceAndTrusted() {
        KeySource source = jwksAtServer().build();
        assertThat(server.requests()).isZero();

        List<VerificationKey> keys = source.keysFor("rsa-a", "RS256");

        assertThat(keys).singleElement().satisfies(key -> assertThat(source.isTrusted(key)).isTrue());
        assertThat(source.keysFor("rsa-a", "PS512")).hasSize(1);
        assertThat(source.keysFor(null, "RS256")).hasSize(1);
        assertThat(source.keysFor("rsa-a", "ES256")).isEmpty();
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void keysForWhenFirstFetchGets500ThenKeysUnavailableAndAfterRecoveryKeysServed() {
        server.status(500);
        KeySource source = jwksAtServer().build();

        assertKeysUnavailable(() -> source.keysFor("rsa-a", "RS256"));

        server.serve(KEYS_A);
        clock.advance(Duration.ofSeconds(30));
        assertThat(source.keysFor("rsa-a", "RS256")).hasSize(1);
    }

    @Test
    void keysForWhenServerNotListeningThenKeysUnavailableNotAConnectException() {
        server.stop();
        KeySource source = jwksAtServer().build();

        assertKeysUnavailable(() -> source.keysFor("rsa-a", "RS256"));
        assertKeysUnavailable(() -> source.keysFor(null, "RS256"));
    }

    @Test
    void keysForWhenNewKidPublishedThenUnknownKidRefreshFindsIt() {
        KeySource source = jwksAtServer().build();
        source.keysFor("rsa-a", "RS256");
        server.serve(KEYS_A_B);
        clock.advance(Duration.ofSeconds(30));

        assertThat(source.keysFor("rsa-b", "RS256")).extracting(VerificationKey::keyId).containsExactly("rsa-b");
        assertThat(source.keysFor("rsa-a", "RS256")).hasSize(1);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keysForWhenUnknownKidWithinMinRefreshIntervalThenNoFetchUntilTheIntervalPassed() {
        KeySource source = jwksAtServer().build();
        source.keysFor("rsa-a", "RS256");
        server.serve(KEYS_A_B);

        clock.advance(Duration.ofSeconds(29));
        assertThat(source.keysFor("rsa-b", "RS256")).isEmpty();
        assertThat(server.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(source.keysFor("rsa-b", "RS256")).hasSize(1);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keysForWhenClockStepsBackThenTheRateLimitDoesNotBlockRefreshesUntilItCatchesUp() {
        KeySource source = jwksAtServer().build();
        source.keysFor("rsa-a", "RS256");
        server.serve(KEYS_A_B);

        clock.advance(Duration.ofHours(-1));
        assertThat(source.keysFor("rsa-b", "RS256")).hasSize(1);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(source.keysFor("unknown", "RS256")).isEmpty();
        assertThat(server.requests()).as("rate-limited again from the new attempt").isEqualTo(2);
    }

    @Test
    void keysForWhenKeySetExpiresThenRotationPickedUpAndRemovedKeyNoLongerTrusted() {
        server.cacheControl("max-age=60");
        KeySource source = jwksAtServer().build();
        VerificationKey keyA = source.keysFor("rsa-a", "RS256").get(0);
        server.serve(KEYS_B);

        clock.advance(Duration.ofSeconds(59));
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        assertThat(source.isTrusted(keyA)).isTrue();
        assertThat(server.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(source.keysFor("rsa-a", "RS256")).as("stale: answered from the old set").containsExactly(keyA);
        awaitRefresh(source);
        assertThat(source.keysFor("rsa-a", "RS256")).isEmpty();
        assertThat(source.isTrusted(keyA)).isFalse();
        assertThat(source.keysFor("rsa-b", "RS256")).hasSize(1);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keysForWhenSetStaleAndIdpHangsThenKnownKidAnsweredWithoutWaitingAndUnknownKidJoinsTheFetch() throws Exception {
        server.cacheControl("max-age=60");
        KeySource source = jwksAtServer().timeout(Duration.ofSeconds(8)).build();
        VerificationKey keyA = source.keysFor("rsa-a", "RS256").get(0);
        server.serve(KEYS_A_B);
        server.hold();
        clock.advance(Duration.ofSeconds(60));

        long start = System.nanoTime();
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(server.awaitHeldRequest()).isTrue();
        Future<List<VerificationKey>> unknownKid = threads.submit(() -> source.keysFor("rsa-b", "RS256"));
        server.release();

        assertThat(unknownKid.get(10, TimeUnit.SECONDS)).extracting(VerificationKey::keyId).containsExactly("rsa-b");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void isTrustedWhenSetStaleThenStartsARefreshWithoutWaitingAndTheDroppedKeyBecomesUntrusted() throws Exception {
        server.cacheControl("max-age=60");
        KeySource source = jwksAtServer().timeout(Duration.ofSeconds(8)).build();
        VerificationKey keyA = source.keysFor("rsa-a", "RS256").get(0);
        server.serve(KEYS_B);
        server.hold();

        clock.advance(Duration.ofSeconds(59));
        assertThat(source.isTrusted(keyA)).isTrue();
        assertThat(server.requests()).as("fresh: no fetch").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThat(source.isTrusted(keyA)).as("answered from the stale set").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("without waiting for the fetch").isLessThan(Duration.ofSeconds(4));
        assertThat(server.awaitHeldRequest()).as("the fetch isTrusted started").isTrue();
        server.release();

        assertThat(source.keysFor("rsa-b", "RS256")).hasSize(1);
        assertThat(source.isTrusted(keyA)).isFalse();
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keysForWhenIdpAnswers500ThenOldKeysUntilMaxStalenessThenKeysUnavailableUntilItRecovers() {
        server.cacheControl("max-age=60");
        KeySource source = jwksAtServer().maxStaleness(Duration.ofMinutes(15)).build();
        VerificationKey keyA = source.keysFor("rsa-a", "RS256").get(0);
        server.status(500);

        clock.advance(Duration.ofSeconds(60));
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        awaitRefresh(source);
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        assertThat(server.requests()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(15));
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        assertThat(source.isTrusted(keyA)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertKeysUnavailable(() -> source.keysFor("rsa-a", "RS256"));
        assertThat(source.isTrusted(keyA)).isFalse();

        server.serve(KEYS_A);
        clock.advance(Duration.ofSeconds(30));
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        assertThat(source.isTrusted(keyA)).isTrue();
    }

    @Test
    void keysForWhenIdpStoppedThenOldKeysUntilMaxStalenessThenKeysUnavailable() {
        server.cacheControl("max-age=60");
        KeySource source = jwksAtServer().maxStaleness(Duration.ofMinutes(2)).build();
        VerificationKey keyA = source.keysFor("rsa-a", "RS256").get(0);
        server.stop();

        clock.advance(Duration.ofSeconds(60 + 120));
        assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
        assertThat(source.isTrusted(keyA)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertKeysUnavailable(() -> source.keysFor("rsa-a", "RS256"));
        assertKeysUnavailable(() -> source.keysFor("rsa-b", "RS256"));
        assertThat(source.isTrusted(keyA)).isFalse();
    }

    @Test
    void keysForWhenRefreshAnswersBadContentThenTheOldSetIsKept() {
        server.cacheControl("max-age=60");
        KeySource source = jwksAtServer().maxResponseBytes(KEYS_A_B.length()).build();
        VerificationKey keyA = source.keysFor("rsa-a", "RS256").get(0);
        List<Runnable> badAnswers = List.of(
                () -> server.serve("<html>login</html>").contentType("text/html"),
                () -> server.serve("not json at all").contentType("application/json"),
                () -> server.serve("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]}"),
                () -> server.serve(KEYS_A_B + " ".repeat(10)),
                () -> server.serve(KEYS_A_B).status(302));

        for (Runnable badAnswer : badAnswers) {
            badAnswer.run();
            clock.advance(Duration.ofSeconds(60));
            source.keysFor("rsa-a", "RS256");
            awaitRefresh(source);
            assertThat(source.keysFor("rsa-a", "RS256")).containsExactly(keyA);
            assertThat(source.isTrusted(keyA)).isTrue();
        }
        assertThat(server.requests()).isEqualTo(1 + badAnswers.size());

        server.serve(KEYS_A_B).contentType("application/jwk-set+json");
        clock.advance(Duration.ofSeconds(60));
        assertThat(source.keysFor("rsa-b", "RS256")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/plain"})
    void keysForWhenFirstResponseIsNotDeclaredJsonThenKeysUnavailable(String contentType) {
        server.contentType(contentType);

        assertKeysUnavailable(() -> jwksAtServer().build().keysFor("rsa-a", "RS256"));
    }

    @Test
    void keysForWhenFirstResponseIsNotJsonThenKeysUnavailable() {
        server.serve("<!doctype html><p>maintenance</p>");

        assertKeysUnavailable(() -> jwksAtServer().build().keysFor("rsa-a", "RS256"));
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void keysForWhenResponseExceedsMaxResponseBytesThenKeysUnavailableAndAtTheLimitServed(boolean chunked) {
        int size = KEYS_A.getBytes(StandardCharsets.UTF_8).length;
        server.chunked(chunked);

        assertKeysUnavailable(() -> jwksAtServer().maxResponseBytes(size - 1).build().keysFor("rsa-a", "RS256"));
        assertThat(jwksAtServer().maxResponseBytes(size).build().keysFor("rsa-a", "RS256")).hasSize(1);
    }

    @ParameterizedTest(name = "[{0}] fresh for {1} s")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "max-age=60 | 60", "max-age=5 | 30", "max-age=999999 | 3600", "no-store | 30", "NONE | 300"})
    void keysForWhenCacheControlThenNoRefetchBeforeFreshnessEndsAndRefetchAfter(String cacheControl, long freshSeconds) {
        server.cacheControl(cacheControl);
        KeySource source = jwksAtServer().maxCacheDuration(Duration.ofHours(1)).build();
        source.keysFor("rsa-a", "RS256");

        clock.advance(Duration.ofSeconds(freshSeconds - 1));
        source.keysFor("rsa-a", "RS256");
        assertThat(server.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        source.keysFor("rsa-a", "RS256");
        awaitRefresh(source);
        assertThat(server.requests()).isEqualTo(2);
    }

    /**
     * 1,000 lookups of random kids, one per second of test clock: fetch attempts start at t = 0
     * (the first fetch) and then only when 30 s (minRefreshInterval) have passed since the last
     * attempt, so at t = 0, 30, ..., 990: exactly 1 + 999 / 30 = 34 requests, never more.
     */
    @Test
    void keysForWhenRandomUnknownKidsFloodThenFetchesBoundedByTheRateLimitAndKnownKidsKeepWorking() {
        server.cacheControl("max-age=3600");
        KeySource source = jwksAtServer().minRefreshInterval(Duration.ofSeconds(30)).build();

        for (int second = 0; second < 1000; second++) {
            assertThat(source.keysFor(UUID.randomUUID().toString(), "RS256")).isEmpty();
            assertThat(source.keysFor("rsa-a", "RS256")).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(server.requests()).isEqualTo(1 + 999 / 30);
    }

    @Test
    void keysForWhenEightThreadsFloodUnknownKidsAtOneInstantThenOneFetchAndKnownKidsKeepWorking() throws Exception {
        KeySource source = jwksAtServer().build();
        source.keysFor("rsa-a", "RS256");
        clock.advance(Duration.ofSeconds(30));
        List<Future<Boolean>> results = new ArrayList<>();

        for (int thread = 0; thread < 8; thread++) {
            results.add(threads.submit(() -> {
                boolean knownKeyAlwaysServed = true;
                for (int call = 0; call < 125; call++) {
                    source.keysFor(UUID.randomUUID().toString(), "RS256");
                    knownKeyAlwaysServed &= source.keysFor("rsa-a", "RS256").size() == 1;
                }
                return knownKeyAlwaysServed;
            }));
        }

        for (Future<Boolean> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keysForWhenConcurrentUnknownKidLookupsWhileServerSlowThenOneFetchSharedByAll() throws Exception {
        KeySource source = jwksAtServer().build();
        source.keysFor("rsa-a", "RS256");
        server.serve(KEYS_A_B);
        server.hold();
        clock.advance(Duration.ofSeconds(30));
        CountDownLatch started = new CountDownLatch(8);
        List<Future<List<VerificationKey>>> lookups = new ArrayList<>();

        for (int thread = 0; thread < 8; thread++) {
            lookups.add(threads.submit(() -> {
                started.countDown();
                return source.keysFor("rsa-b", "RS256");
            }));
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server.awaitHeldRequest()).isTrue();
        assertThat(source.keysFor("rsa-a", "RS256")).as("a known kid does not wait for the fetch").hasSize(1);
        server.release();

        for (Future<List<VerificationKey>> lookup : lookups) {
            assertThat(lookup.get(10, TimeUnit.SECONDS)).extracting(VerificationKey::keyId).containsExactly("rsa-b");
        }
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keysForWhenServerNeverAnswersThenKeysUnavailableWithinTheTimeout() throws Exception {
        server.hold();
        KeySource source = jwksAtServer().timeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();

        assertKeysUnavailable(() -> source.keysFor("rsa-a", "RS256"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void isTrustedWhenNothingFetchedOrKeyFromAnotherSourceThenFalse() {
        KeySource source = jwksAtServer().build();
        VerificationKey foreign = JwkBinding.bind(KEYS_B).keys().get(0);

        assertThat(source.isTrusted(foreign)).isFalse();
        source.keysFor("rsa-a", "RS256");
        assertThat(source.isTrusted(foreign)).isFalse();
        assertThat(source.isTrusted(source.keysFor("rsa-a", "RS256").get(0))).isTrue();
    }

    /**
     * Waits for a fetch started in the background: an unknown kid joins the fetch in flight, and if
     * it already finished, the frozen test clock keeps the rate limit from starting another.
     */
    private static void awaitRefresh(KeySource source) {
        source.keysFor("no-such-kid", "RS256");
    }

    private static void assertKeysUnavailable(ThrowingCallable lookup) {
        assertThatThrownBy(lookup)
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE));
    }
}
