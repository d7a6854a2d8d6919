package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JwtExpiryTest {

    @Test
    void jwt_yieldsItsExp() {
        Instant exp = Instant.parse("2026-12-03T10:05:00Z");

        assertThat(JwtExpiry.of(TestTokens.valid().expiresAt(exp).sign())).contains(exp);
    }

    @Test
    void jwtWithAForgedSignature_stillYieldsItsExp_becauseNothingIsVerified() {
        String token = TestTokens.valid().expiresAt(Instant.parse("2026-12-03T10:05:00Z")).sign();
        String forged = MintedTokens.register(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA");

        assertThat(JwtExpiry.of(forged)).contains(Instant.parse("2026-12-03T10:05:00Z"));
    }

    @Test
    void opaqueToken_orJwtWithoutExp_yieldsNothing() {
        assertThat(JwtExpiry.of(MintedTokens.register("2YotnFZFEjr1zCsicMWpAA"))).isEmpty();
        assertThat(JwtExpiry.of("a.b.c")).isEmpty();
        assertThat(JwtExpiry.of(TestTokens.valid().without("exp").sign())).isEmpty();
    }

    @Test
    void jwtWithANonNumericExp_isAMalformedResponse() {
        String token = TestTokens.valid().claim("exp", "tomorrow").sign();

        assertThatThrownBy(() -> JwtExpiry.of(token)).isInstanceOf(ServiceTokenException.class)
                .hasMessageStartingWith("ZT-7006");
    }
}
