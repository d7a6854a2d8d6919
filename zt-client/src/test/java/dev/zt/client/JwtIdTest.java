package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.TestTokens;
import org.junit.jupiter.api.Test;

class JwtIdTest {

    @Test
    void ofWhenTheJwtHasAJtiThenYieldsIt() {
        assertThat(JwtId.of(TestTokens.valid().claim("jti", "svc-token-42").sign())).contains("svc-token-42");
    }

    @Test
    void ofWhenOpaqueOrWithoutJtiThenNothing() {
        assertThat(JwtId.of(MintedTokens.register("2YotnFZFEjr1zCsicMWpAA"))).isEmpty();
        assertThat(JwtId.of(TestTokens.valid().without("jti").sign())).isEmpty();
    }

    @Test
    void ofWhenTheJtiIsNotAPlausibleIdThenNothing() {
        assertThat(JwtId.of(TestTokens.valid().claim("jti", "x".repeat(129)).sign())).isEmpty();
        assertThat(JwtId.of(TestTokens.valid().claim("jti", "two words").sign())).isEmpty();
        assertThat(JwtId.of(TestTokens.valid().claim("jti", 42).sign())).isEmpty();
        assertThat(JwtId.of(TestTokens.valid().claim("jti", "x".repeat(128)).sign())).contains("x".repeat(128)); // control
    }
}
