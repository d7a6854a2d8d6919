package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.testing.FixedKeySource;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The verified-token cache: a hit skips verification, and never outlives exp or the key. */
class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    /** Counts key lookups: each cache miss looks its key up once, a hit never does. */
    static final class CountingKeys implements KeySource {
        final FixedKeySource delegate;
        final AtomicInteger lookups = new AtomicInteger();

        CountingKeys(FixedKeySource delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.List<VerificationKey> keysFor(String kid, String algorithm) {
            lookups.incrementAndGet();
            return delegate.keysFor(kid, algorithm);
        }

        @Override
        public boolean isTrusted(VerificationKey key) {
            return delegate.isTrusted(key);
        }
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final FixedKeySource fixed = FixedKeySource.of(TestKeys.RS256, TestKeys.ES256);
    private final CountingKeys keys = new CountingKeys(fixed);
    private final TokenPolicy policy = TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build();

    @Test
    void verifyWhenSameTokenTwiceThenSecondIsACacheHit() {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).build();
        String token = TestTokens.valid(clock).sign();
        Actor first = verifier.verify(token);
        Actor second = verifier.verify(new String(token.toCharArray()));
        assertThat(second).isSameAs(first);
        assertThat(keys.lookups).hasValue(1);
    }

    @Test
    void verifyWhenCacheOffThenEveryCallVerifies() {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).cacheEntries(0).build();
        String token = TestTokens.valid(clock).sign();
        verifier.verify(token);
        verifier.verify(token);
        assertThat(keys.lookups).hasValue(2);
    }

    @Test
    void verifyWhenCachedTokenExpiresThenRejectedNotServedFromCache() {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).build();
        String token = TestTokens.valid(clock).sign();
        verifier.verify(token);
        clock.advance(Duration.ofMinutes(5).plusSeconds(31));
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.EXPIRED));
    }

    @Test
    void verifyWhenKeyRemovedFromKeySetThenCachedTokenRejected() {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).build();
        String token = TestTokens.valid(clock).sign();
        String other = TestTokens.valid(clock).signedWith(TestKeys.ES256).sign();
        verifier.verify(token);
        verifier.verify(other);
        fixed.remove(TestKeys.RS256.kid());
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY));
        assertThat(verifier.verify(other).subject()).isEqualTo("alice");
    }

    @Test
    void verifyWhenTokensDifferInOneCharacterThenNoSharedEntry() {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).build();
        String token = TestTokens.valid(clock).sign();
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + TestTokens.valid(clock).tenant("globex").sign().split("\\.")[1] + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(forged))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenRejectedThenNotCached() {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).build();
        String notYet = TestTokens.valid(clock).claim("nbf", NOW.plusSeconds(300).getEpochSecond()).sign();
        assertThatThrownBy(() -> verifier.verify(notYet)).isInstanceOf(TokenRejectedException.class);
        clock.advance(Duration.ofSeconds(300));
        assertThat(verifier.verify(notYet).subject()).isEqualTo("alice");
        assertThat(keys.lookups).hasValue(2);
    }
}
