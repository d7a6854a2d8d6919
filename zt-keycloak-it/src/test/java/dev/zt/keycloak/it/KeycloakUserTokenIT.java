package dev.zt.keycloak.it;

import static dev.zt.keycloak.it.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user's token from Keycloak's password grant, as orders-service (audience {@code orders-service}) judges it. */
@ExtendWith(RealKeycloak.class)
class KeycloakUserTokenIT {

    private static Keycloak keycloak;
    private static TokenVerifier orders;

    @BeforeAll
    static void configure(Keycloak running) {
        keycloak = running;
        orders = ZtConfiguration.verifier(ZtConfiguration.acme(keycloak, Acme.ORDERS_SERVICE));
    }

    private static String alice() {
        return keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, Acme.ALICE, Acme.ALICE_PASSWORD);
    }

    @Test
    void userTokenWhenAliceSignsInThenAcceptedAsUserOfTenantA() {
        String token = alice();

        Actor actor = orders.verify(token);

        assertThat(actor.subject()).isEqualTo(Acme.ALICE_ID);
        assertThat(actor.kind()).isEqualTo(ActorKind.USER);
        assertThat(actor.tenant()).contains("tenant-a");
        assertThat(actor.scopes()).contains("orders:read", "orders:write");
        assertThat(actor.issuer()).isEqualTo(keycloak.issuer(Acme.REALM));
        assertThat(actor.clientId()).contains(Acme.WEB_APP);
        assertThat(actor.actingParties()).as("web-app is not a delegating client: alice calls for herself").isEmpty();
        assertThat(actor.tokenId()).isPresent();
    }

    @Test
    void userTokenWhenBobSignsInThenAcceptedWithTenantB() {
        Actor actor = orders.verify(keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, Acme.BOB, Acme.BOB_PASSWORD));

        assertThat(actor.subject()).isEqualTo(Acme.BOB_ID);
        assertThat(actor.tenant()).as("the tenant comes from the user, not from the client").contains("tenant-b");
    }

    @Test
    void userTokenWhenRealKeycloakIssuesItThenHasTheShapeZtIsConfiguredFor() {
        String token = alice();

        assertThat(Jwt.header(token)).containsEntry("typ", "JWT").containsEntry("alg", "RS256").containsKey("kid");
        assertThat(Jwt.claims(token))
                .containsEntry("aud", Acme.ORDERS_SERVICE)
                .containsEntry("azp", Acme.WEB_APP)
                .containsEntry("sub", Acme.ALICE_ID)
                .containsEntry("tenant", "tenant-a")
                .containsEntry("preferred_username", Acme.ALICE)
                .containsKeys("jti", "iat", "exp", "scope")
                .doesNotContainKeys("act", "client_id", "actor_kind");
    }

    @Test
    void tokenFromOtherRealmWhenAudienceAndTenantAlikeThenRefusedForItsIssuer() {
        String token = keycloak.passwordToken(Acme.OTHER_REALM, Acme.WEB_APP, Acme.MALLORY, Acme.MALLORY_PASSWORD);
        assertThat(Jwt.claims(token)).as("only the issuer (and key) differ from alice's token")
                .containsEntry("aud", Acme.ORDERS_SERVICE).containsEntry("tenant", "tenant-a").containsEntry("iss", keycloak.issuer(Acme.OTHER_REALM));

        assertRefused(orders, token, RejectionReason.WRONG_ISSUER);

        // Positive control: a service that trusts both realms accepts the very same token.
        Map<String, String> both = new LinkedHashMap<>(ZtConfiguration.acme(keycloak, Acme.ORDERS_SERVICE));
        both.putAll(ZtConfiguration.keycloak(keycloak, "other", Acme.OTHER_REALM, Acme.ORDERS_SERVICE));
        both.put("zt.issuers", "keycloak,other");
        Actor actor = ZtConfiguration.verifier(both).verify(token);
        assertThat(actor.issuer()).isEqualTo(keycloak.issuer(Acme.OTHER_REALM));
    }

    @Test
    void tokenFromOtherRealmWhenIssRewrittenToAcmeThenRefusedBecauseAcmeNeverSignedIt() {
        String token = keycloak.passwordToken(Acme.OTHER_REALM, Acme.WEB_APP, Acme.MALLORY, Acme.MALLORY_PASSWORD);
        Map<String, Object> claims = new LinkedHashMap<>(Jwt.claims(token));
        claims.put("iss", keycloak.issuer(Acme.REALM));
        String forged = Jwt.withClaims(token, claims);
        assertThat(Jwt.claims(forged)).containsEntry("iss", keycloak.issuer(Acme.REALM));

        assertRefused(orders, forged, RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void tamperedTokenWhenOnePayloadByteChangedThenRefused() {
        String token = alice();
        String tampered = Jwt.withPayloadEdited(token, "\"tenant-a\"", "\"tenant-b\"");
        assertThat(Jwt.claims(tampered)).containsEntry("tenant", "tenant-b");

        assertRefused(orders, tampered, RejectionReason.BAD_SIGNATURE);
        assertThat(orders.verify(token).tenant()).as("positive control: the untouched token").contains("tenant-a");
    }

    @Test
    void userTokenWhenZtKeepsItsDefaultTokenTypeThenRefusedForKeycloaksTypJwt() {
        Map<String, String> config = new LinkedHashMap<>(ZtConfiguration.acme(keycloak, Acme.ORDERS_SERVICE));
        config.remove("zt.issuers.keycloak.token-types");

        assertRefused(ZtConfiguration.verifier(config), alice(), RejectionReason.WRONG_TYPE);
    }

    @Test
    void userTokenWhenIssDiffersOnlyByCaseOrTrailingSlashThenRefusedForItsIssuer() {
        String token = alice();
        String issuer = keycloak.issuer(Acme.REALM);
        for (String variant : List.of(issuer + "/", issuer.replace("/realms/acme", "/realms/ACME"), issuer.replace("http://", "HTTP://"))) {
            Map<String, Object> claims = new LinkedHashMap<>(Jwt.claims(token));
            claims.put("iss", variant);

            assertRefused(orders, Jwt.withClaims(token, claims), RejectionReason.WRONG_ISSUER);
        }
    }

    @Test
    void userTokenWhenPresentedToAnotherAudienceThenRefused() {
        TokenVerifier inventory = ZtConfiguration.verifier(ZtConfiguration.acme(keycloak, Acme.INVENTORY_SERVICE));

        assertRefused(inventory, alice(), RejectionReason.WRONG_AUDIENCE);
    }
}
