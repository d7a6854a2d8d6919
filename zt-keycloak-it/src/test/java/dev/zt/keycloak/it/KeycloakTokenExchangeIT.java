package dev.zt.keycloak.it;

import static dev.zt.keycloak.it.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenVerifier;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * orders-service exchanges alice's token (Keycloak standard token exchange, V2) for one meant for
 * inventory-service. Keycloak writes no {@code act} claim: {@code sub} stays the user, {@code azp}
 * becomes orders-service, and zt's {@code delegating-clients} turns that into "orders-service acting
 * for alice".
 */
@ExtendWith(RealKeycloak.class)
class KeycloakTokenExchangeIT {

    private static Keycloak keycloak;
    private static TokenVerifier inventory;

    @BeforeAll
    static void configure(Keycloak running) {
        keycloak = running;
        inventory = ZtConfiguration.verifier(ZtConfiguration.acme(keycloak, Acme.INVENTORY_SERVICE));
    }

    private static String exchanged(String user, String password) {
        String userToken = keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, user, password);
        return keycloak.exchange(Acme.REALM, Acme.ORDERS_SERVICE, Acme.ORDERS_SERVICE_SECRET, userToken, Acme.INVENTORY_SERVICE, "inventory:read")
                .accessToken();
    }

    @Test
    void exchangedTokenWhenOrdersServiceActsForAliceThenInventorySeesAliceThroughOrdersService() {
        Actor actor = inventory.verify(exchanged(Acme.ALICE, Acme.ALICE_PASSWORD));

        assertThat(actor.subject()).as("on whose behalf").isEqualTo(Acme.ALICE_ID);
        assertThat(actor.tenant()).contains("tenant-a");
        assertThat(actor.actingParties()).extracting(ActingParty::subject).containsExactly(Acme.ORDERS_SERVICE);
        assertThat(actor.isDelegated()).isTrue();
        assertThat(actor.kind()).as("actor_kind of the service account must not leak into a user's token").isEqualTo(ActorKind.USER);
        assertThat(actor.scopes()).contains("inventory:read").doesNotContain("orders:write");
    }

    @Test
    void exchangedTokenWhenRealKeycloakIssuesItThenCarriesNoActClaim() {
        Map<String, Object> claims = Jwt.claims(exchanged(Acme.ALICE, Acme.ALICE_PASSWORD));

        assertThat(claims)
                .containsEntry("sub", Acme.ALICE_ID)
                .containsEntry("azp", Acme.ORDERS_SERVICE)
                .containsEntry("aud", Acme.INVENTORY_SERVICE)
                .containsEntry("tenant", "tenant-a")
                .doesNotContainKeys("act", "client_id", "actor_kind", "may_act");
    }

    @Test
    void exchangedTokensWhenAliceAndBobAlternateThenEachKeepsTheirOwnTenant() {
        for (int round = 0; round < 3; round++) {
            assertThat(inventory.verify(exchanged(Acme.ALICE, Acme.ALICE_PASSWORD)).tenant()).as("alice, round %d", round).contains("tenant-a");
            assertThat(inventory.verify(exchanged(Acme.BOB, Acme.BOB_PASSWORD)).tenant()).as("bob, round %d", round).contains("tenant-b");
        }
    }

    @Test
    void exchangedTokenWhenOrdersServiceIsNotADelegatingClientThenNoActingParty() {
        Map<String, String> config = new java.util.LinkedHashMap<>(ZtConfiguration.acme(keycloak, Acme.INVENTORY_SERVICE));
        config.remove("zt.issuers.keycloak.delegating-clients");

        Actor actor = ZtConfiguration.verifier(config).verify(exchanged(Acme.ALICE, Acme.ALICE_PASSWORD));

        assertThat(actor.actingParties()).as("delegation through azp is configured per issuer, never assumed").isEmpty();
        assertThat(actor.subject()).isEqualTo(Acme.ALICE_ID);
    }

    @Test
    void exchangedTokenWhenReplayedAtOrdersServiceThenRefusedForAudience() {
        TokenVerifier orders = ZtConfiguration.verifier(ZtConfiguration.acme(keycloak, Acme.ORDERS_SERVICE));

        assertRefused(orders, exchanged(Acme.ALICE, Acme.ALICE_PASSWORD), RejectionReason.WRONG_AUDIENCE);
    }

    @Test
    void exchangeWhenAskedByAPublicClientThenKeycloakRefuses() {
        String aliceToken = keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, Acme.ALICE, Acme.ALICE_PASSWORD);

        Keycloak.TokenResponse response = keycloak.exchangeAsPublicClient(Acme.REALM, Acme.WEB_APP, aliceToken, Acme.INVENTORY_SERVICE);

        assertThat(response.status()).isBetween(400, 403);
        assertThat(response.body()).doesNotContainKey("access_token");
    }

    @Test
    void exchangeWhenAudienceNotAmongOrdersServiceScopesThenKeycloakRefuses() {
        String aliceToken = keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, Acme.ALICE, Acme.ALICE_PASSWORD);

        Keycloak.TokenResponse response = keycloak.exchange(Acme.REALM, Acme.ORDERS_SERVICE, Acme.ORDERS_SERVICE_SECRET, aliceToken,
                Acme.WEB_APP, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContainKey("access_token");
    }
}
