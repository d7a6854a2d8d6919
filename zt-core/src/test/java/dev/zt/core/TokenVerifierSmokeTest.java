package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.testing.FixedKeySource;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import org.junit.jupiter.api.Test;

class TokenVerifierSmokeTest {

    private final TokenVerifier verifier = TokenVerifier.builder(
            TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build(),
            FixedKeySource.of(TestKeys.RS256, TestKeys.PS256, TestKeys.ES256, TestKeys.EDDSA)).build();

    @Test
    void verifyWhenEachAllowedAlgorithmThenActor() {
        for (TestKeys.TestKey key : new TestKeys.TestKey[] {TestKeys.RS256, TestKeys.PS256, TestKeys.ES256, TestKeys.EDDSA}) {
            Actor actor = verifier.verify(TestTokens.valid().signedWith(key).sign());
            assertThat(actor.subject()).isEqualTo("alice");
            assertThat(actor.tenant()).contains("acme");
            assertThat(actor.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        }
    }

    @Test
    void verifyWhenSignedByUntrustedKeyThenBadSignature() {
        assertThatThrownBy(() -> verifier.verify(TestTokens.valid().signedWith(TestKeys.UNTRUSTED_RS256).sign()))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
    }
}
