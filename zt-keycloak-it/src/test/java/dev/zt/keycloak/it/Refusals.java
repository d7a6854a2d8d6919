package dev.zt.keycloak.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.TokenVerifier;

/** Asserts that zt refuses a token, and for which reason. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(TokenVerifier verifier, String token, RejectionReason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason()).as("why zt refused the token").isEqualTo(reason));
    }
}
