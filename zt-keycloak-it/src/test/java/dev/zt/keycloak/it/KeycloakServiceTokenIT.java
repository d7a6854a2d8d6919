package dev.zt.keycloak.it;

import static dev.zt.keycloak.it.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenVerifier;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * orders-service's own client-credentials token, as inventory-service judges it. Keycloak's {@code sub}
 * is the service-account user's id, never the client id, so zt's "sub equals client_id" rule cannot
 * see a service; the realm gives that user the attribute {@code actor_kind=service}, mapped to the
 * claim zt reads. Only the service-account user has it, so it can never appear in a token whose
 * subject is a person (see {@link KeycloakTokenExchangeIT}).
 */
@ExtendWith(RealKeycloak.class)
class KeycloakServiceTokenIT {

    private static Keycloak keycloak;
    private static TokenVerifier inventory;

    @BeforeAll
    static void configure(Keycloak running) {
        keycloak = running;
        inventory = ZtConfiguration.verifier(ZtConfiguration.acme(keycloak, Acme.INVENTORY_SERVICE));
    }

    private static String serviceToken(String scope) {
        return keycloak.clientCredentials(Acme.REALM, Acme.ORDERS_SERVICE, Acme.ORDERS_SERVICE_SECRET, scope).accessToken();
    }

    @Test
    void clientCredentialsTokenWhenOrdersServiceAsksForInventoryThenAcceptedAsService() {
        String token = serviceToken("inventory:read");

        Actor actor = inventory.verify(token);

        assertThat(actor.kind()).isEqualTo(ActorKind.SERVICE);
        assertThat(actor.subject()).isEqualTo(Acme.ORDERS_SERVICE_ACCOUNT_ID);
        assertThat(actor.clientId()).contains(Acme.ORDERS_SERVICE);
        assertThat(actor.scopes()).contains("inventory:read");
        assertThat(actor.tenant()).as("the service account belongs to no tenant").isEmpty();
    }

    @Test
    void clientCredentialsTokenWhenRealKeycloakIssuesItThenSubIsTheServiceAccountUserNotTheClient() {
        Map<String, Object> claims = Jwt.claims(serviceToken("inventory:read"));

        assertThat(claims)
                .containsEntry("sub", Acme.ORDERS_SERVICE_ACCOUNT_ID)
                .containsEntry("azp", Acme.ORDERS_SERVICE)
                .containsEntry("client_id", Acme.ORDERS_SERVICE)
                .containsEntry("preferred_username", "service-account-orders-service")
                .containsEntry("actor_kind", "service")
                .containsEntry("aud", Acme.INVENTORY_SERVICE)
                .doesNotContainKeys("act", "tenant");
    }

    @Test
    void clientCredentialsTokenWhenNoScopeAskedThenHasNoAudienceAndIsRefusedForTheMissingClaim() {
        String token = serviceToken(null);
        assertThat(Jwt.claims(token)).as("Keycloak adds no audience of its own to a client-credentials token").doesNotContainKey("aud");

        assertRefused(inventory, token, RejectionReason.MISSING_CLAIM);
    }

    /**
     * orders-service is a delegating client (for its exchanged tokens), and its own client-credentials
     * token has {@code client_id} ≠ {@code sub} (the service-account user) and no {@code act}: that is
     * the service acting for itself, so zt derives no delegation for a SERVICE actor.
     */
    @Test
    void clientCredentialsTokenWhenClientIsAlsoADelegatingClientThenNoSelfDelegation() {
        Actor actor = inventory.verify(serviceToken("inventory:read"));

        assertThat(actor.actingParties()).isEmpty();
        assertThat(actor.isDelegated()).isFalse();
        assertThat(actor.kind()).isEqualTo(ActorKind.SERVICE);
        assertThat(actor.subject()).isEqualTo(Acme.ORDERS_SERVICE_ACCOUNT_ID);
    }

    @Test
    void clientCredentialsWhenSecretWrongThenKeycloakIssuesNothing() {
        Keycloak.TokenResponse response = keycloak.clientCredentials(Acme.REALM, Acme.ORDERS_SERVICE, "not-the-secret", "inventory:read");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContainKey("access_token");
    }
}
