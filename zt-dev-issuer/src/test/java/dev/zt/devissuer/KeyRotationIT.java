package dev.zt.devissuer;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.TokenVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.zt.devissuer.Fixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotation on the injected clock: the next key is published before it signs, a retired key stays
 * published for the overlap (longer than any token lives), then disappears.
 */
class KeyRotationIT {

    private final MutableClock clock = Fixtures.clock();
    private DevIssuer issuer;

    @BeforeEach
    void start() {
        issuer = Fixtures.issuer(clock)
                .rotationInterval(Duration.ofMinutes(20))
                .maxTokenLifetime(Duration.ofMinutes(10))
                .keyOverlap(Duration.ofMinutes(11))
                .build().start();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private String token() {
        return MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of("orders:read"), ORDERS, Duration.ofMinutes(10)));
    }

    @SuppressWarnings("unchecked")
    private List<Object> servedKids() {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) TestHttp.get(issuer.jwksUri()).json().get("keys");
        return keys.stream().map(k -> k.get("kid")).toList();
    }

    @Test
    void rotateNowWhenTokenSignedBeforeThenStillVerifiesDuringOverlapAndNewTokensUseNewKid() {
        TokenVerifier verifier = Fixtures.verifier(issuer, clock, ORDERS);
        String before = token();
        String oldKid = issuer.signingKeyId();
        assertThat(verifier.verify(before).subject()).isEqualTo("alice");

        issuer.rotateNow();
        String after = token();

        assertThat(Fixtures.header(after).get("kid")).isNotEqualTo(oldKid).isEqualTo(issuer.signingKeyId());
        assertThat(Fixtures.header(before).get("kid")).isEqualTo(oldKid);
        assertThat(servedKids()).contains(oldKid, issuer.signingKeyId());
        clock.advance(Duration.ofMinutes(9));
        assertThat(Fixtures.verifier(issuer, clock, ORDERS).verify(before).subject()).isEqualTo("alice");
        assertThat(Fixtures.verifier(issuer, clock, ORDERS).verify(after).subject()).isEqualTo("alice");
    }

    @Test
    void rotateNowWhenVerifierCachedJwksBeforeThenNewKidAlreadyKnownWithoutRefetch() {
        TokenVerifier verifier = Fixtures.verifier(issuer, clock, ORDERS);
        verifier.verify(token()); // fetches and caches the JWKS; the clock does not move, so no refetch is allowed

        issuer.rotateNow();

        assertThat(verifier.verify(token()).subject()).isEqualTo("alice");
    }

    @Test
    void overlapWhenOverThenOldKidGoneFromJwksAndItsTokensNoLongerVerify() {
        String before = token();
        String oldKid = issuer.signingKeyId();
        issuer.rotateNow();

        clock.advance(Duration.ofMinutes(10).plusSeconds(59));
        assertThat(servedKids()).contains(oldKid);
        assertThat(issuer.publishedKeyIds()).contains(oldKid);

        clock.advance(Duration.ofSeconds(1));
        assertThat(servedKids()).doesNotContain(oldKid).contains(issuer.signingKeyId());
        assertThat(issuer.publishedKeyIds()).doesNotContain(oldKid).hasSize(2);
        assertThatThrownBy(() -> Fixtures.verifier(issuer, clock, ORDERS).verify(before))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void scheduleWhenRotationIntervalPassesThenNextPublishedKeySignsAndOldOneIsRetired() {
        String firstKid = issuer.signingKeyId();
        List<String> published = issuer.publishedKeyIds();
        assertThat(published).hasSize(2).contains(firstKid);
        String nextKid = published.stream().filter(k -> !k.equals(firstKid)).findFirst().orElseThrow();

        clock.advance(Duration.ofMinutes(19).plusSeconds(59));
        assertThat(issuer.signingKeyId()).isEqualTo(firstKid);

        clock.advance(Duration.ofSeconds(1));
        String token = token();
        assertThat(Fixtures.header(token).get("kid")).isEqualTo(nextKid);
        assertThat(issuer.publishedKeyIds()).hasSize(3).contains(firstKid, nextKid);
        assertThat(Fixtures.verifier(issuer, clock, ORDERS).verify(token).subject()).isEqualTo("alice");
    }
}
