package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    private final String userToken = TestTokens.valid().sign();

    @Test
    void scopes_areSortedAndDeduplicated() {
        TokenRequest request = TokenRequest.of("inventory-service", "b:write", "a:read", "b:write");

        assertThat(request.scopes()).containsExactly("a:read", "b:write");
        assertThat(request.scopeParameter()).isEqualTo("a:read b:write");
        assertThat(TokenRequest.of("inventory-service").scopeParameter()).isNull();
    }

    @Test
    void invalidScopeOrAudience_isRefused() {
        assertThatThrownBy(() -> TokenRequest.of("inventory-service", "a b")).hasMessageStartingWith("ZT-7106");
        assertThatThrownBy(() -> TokenRequest.of("inventory-service", "a\"b")).hasMessageStartingWith("ZT-7106");
        assertThatThrownBy(() -> TokenRequest.of("")).hasMessageStartingWith("ZT-7106");
        assertThatThrownBy(() -> TokenRequest.of("inventory service")).hasMessageStartingWith("ZT-7106");
    }

    @Test
    void toString_neverShowsTheSubjectOrActorToken() {
        TokenRequest request = TokenRequest.of("inventory-service", "inventory:read").onBehalfOf(userToken)
                .withActorToken(MintedTokens.register(userToken + "x"));

        assertThat(request.toString()).doesNotContain(userToken).doesNotContain(userToken.substring(20, 60))
                .contains("onBehalfOf=<redacted>", "actor=<redacted>", "inventory-service");
        assertThat(request.isExchange()).isTrue();
        assertThat(request.subjectToken()).isEqualTo(userToken); // positive control: it is kept
    }

    @Test
    void subjectTokenWithBearerPrefixOrWhitespace_isRefused_withoutRepeatingIt() {
        TokenRequest base = TokenRequest.of("inventory-service");

        assertThatThrownBy(() -> base.onBehalfOf("Bearer " + userToken)).hasMessageStartingWith("ZT-7106")
                .hasMessageNotContaining(userToken);
        assertThatThrownBy(() -> base.onBehalfOf(userToken + "\n")).hasMessageNotContaining(userToken);
        assertThatThrownBy(() -> base.onBehalfOf("")).hasMessageStartingWith("ZT-7106");
    }

    @Test
    void actorTokenWithoutSubject_isRefused() {
        assertThatThrownBy(() -> TokenRequest.of("inventory-service").withActorToken(userToken))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lifetime_mustBePositive() {
        assertThat(TokenRequest.of("a").withLifetime(Duration.ofMinutes(1)).lifetime()).contains(Duration.ofMinutes(1));
        assertThat(TokenRequest.of("a").lifetime()).isEmpty();
        assertThatThrownBy(() -> TokenRequest.of("a").withLifetime(Duration.ZERO)).hasMessageStartingWith("ZT-7106");
    }
}
