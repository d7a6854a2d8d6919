package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static TokenPolicy.Builder base() {
        return TokenPolicy.forIssuer("https://idp").audience("orders-service");
    }

    @Test
    void buildWhenDefaultsThenSafeDefaults() {
        TokenPolicy policy = base().build();
        assertThat(policy.algorithms()).containsExactlyInAnyOrder("RS256", "PS256", "ES256", "EdDSA");
        assertThat(policy.tokenTypes()).containsExactly("at+jwt");
        assertThat(policy.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.maxTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.requiredClaims()).contains("iss", "aud", "exp", "iat", "sub", "jti");
    }

    @Test
    void buildWhenNoAudienceThenRefusedNamingTheKey() {
        assertThatThrownBy(() -> TokenPolicy.forIssuer("https://idp").build()).hasMessageContaining("zt.audience");
    }

    @Test
    void buildWhenHmacOrNoneAllowedThenRefused() {
        for (String alg : new String[] {"HS256", "none", "NONE", "HS512"}) {
            assertThatThrownBy(() -> base().algorithms("RS256", alg).build()).as(alg).hasMessageContaining("zt.algorithms");
        }
    }

    @Test
    void buildWhenSkewOverSixtySecondsThenRefused() {
        assertThat(base().clockSkew(Duration.ofSeconds(60)).build().clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> base().clockSkew(Duration.ofSeconds(61)).build()).hasMessageContaining("zt.clock-skew");
        assertThatThrownBy(() -> base().clockSkew(Duration.ofSeconds(-1)).build()).hasMessageContaining("zt.clock-skew");
    }

    @Test
    void buildWhenLifetimeNotPositiveThenRefused() {
        assertThatThrownBy(() -> base().maxTokenLifetime(Duration.ZERO).build()).hasMessageContaining("zt.max-token-lifetime");
    }

    @Test
    void buildWhenBlankIssuerThenRefused() {
        assertThatThrownBy(() -> TokenPolicy.forIssuer(" ").audience("a").build()).hasMessageContaining("zt.issuer");
    }

    @Test
    void tokenTypesWhenConfiguredThenNormalised() {
        assertThat(base().tokenTypes("JWT", "application/AT+JWT").build().tokenTypes()).containsExactlyInAnyOrder("jwt", "at+jwt");
    }

    @Test
    void requiredClaimsWhenReplacedThenStandardOnesStay() {
        assertThat(base().requiredClaims("tenant").build().requiredClaims())
                .contains("iss", "aud", "exp", "iat", "sub", "tenant").doesNotContain("jti");
    }
}
