package dev.zt.devissuer;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.zt.devissuer.Fixtures.BILLING;
import static dev.zt.devissuer.Fixtures.INVENTORY;
import static dev.zt.devissuer.Fixtures.ORDERS;
import static dev.zt.devissuer.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8693 token exchange: the happy path verified by zt, and every hostile subject token refused. */
class TokenExchangeIT {

    private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    private final MutableClock clock = Fixtures.clock();
    private DevIssuer issuer;

    @BeforeEach
    void start() {
        issuer = Fixtures.issuer(clock).build().start();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private String aliceToOrders() {
        return MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of("orders:read", "orders:write"), ORDERS));
    }

    private TestHttp.Response exchange(String client, String subjectToken, String audience, String scope) {
        Map<String, String> form = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken, "subject_token_type", ACCESS_TOKEN, "audience", audience);
        if (scope != null) {
            form.put("scope", scope);
        }
        return TestHttp.token(issuer, client, form);
    }

    @Test
    void exchangeWhenUserTokenAddressedToClientThenDelegatedTokenForUserAndTenant() {
        TestHttp.Response response = exchange(ORDERS, aliceToOrders(), INVENTORY, "inventory:reserve");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).containsEntry("issued_token_type", ACCESS_TOKEN).containsEntry("token_type", "Bearer")
                .containsEntry("scope", "inventory:reserve");
        Actor actor = Fixtures.verifier(issuer, clock, INVENTORY).verify(response.accessToken());
        assertThat(actor.subject()).isEqualTo("alice");
        assertThat(actor.tenant()).contains("acme");
        assertThat(actor.kind()).isEqualTo(ActorKind.USER);
        assertThat(actor.clientId()).contains(ORDERS);
        assertThat(actor.actingParties()).extracting(ActingParty::subject).containsExactly(ORDERS);
        assertThat(actor.scopes()).containsExactly("inventory:reserve");
        assertThat(Fixtures.claims(response.accessToken()).get("act")).isEqualTo(Map.of("sub", ORDERS));
    }

    @Test
    void exchangeWhenSubjectAlreadyDelegatedThenActIsNestedCurrentActorFirst() {
        String delegated = exchange(ORDERS, aliceToOrders(), INVENTORY, "inventory:read").accessToken();

        TestHttp.Response response = exchange(INVENTORY, delegated, BILLING, "billing:charge");

        Actor actor = Fixtures.verifier(issuer, clock, BILLING).verify(response.accessToken());
        assertThat(actor.subject()).isEqualTo("alice");
        assertThat(actor.tenant()).contains("acme");
        assertThat(actor.actingParties()).extracting(ActingParty::subject).containsExactly(INVENTORY, ORDERS);
        assertThat(Fixtures.claims(response.accessToken()).get("act"))
                .isEqualTo(Map.of("sub", INVENTORY, "act", Map.of("sub", ORDERS)));
    }

    @Test
    void exchangeWhenSubjectTokenExpiresSoonerThanClientLifetimeThenNewTokenEndsWithIt() {
        String shortLived = MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of(), ORDERS, Duration.ofMinutes(2)));
        clock.advance(Duration.ofSeconds(30));

        String exchanged = exchange(ORDERS, shortLived, INVENTORY, null).accessToken();

        assertThat(Fixtures.verifier(issuer, clock, INVENTORY).verify(exchanged).expiresAt())
                .isEqualTo(clock.instant().plusSeconds(90));
    }

    @Test
    void exchangeWhenSubjectTokenExpiredThenInvalidGrant() {
        String subject = aliceToOrders();
        clock.advance(Duration.ofMinutes(6));

        TestHttp.Response response = exchange(ORDERS, subject, INVENTORY, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_grant");
    }

    @Test
    void exchangeWhenSubjectTokenTamperedThenInvalidGrant() {
        String subject = aliceToOrders();
        String[] parts = subject.split("\\.");
        Map<String, Object> claims = new LinkedHashMap<>(Fixtures.claims(subject));
        claims.put("tenant", "globex");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];

        assertThat(exchange(ORDERS, tampered, INVENTORY, null).error()).isEqualTo("invalid_grant");
        assertThat(exchange(ORDERS, subject, INVENTORY, null).status()).isEqualTo(200);
    }

    @Test
    void exchangeWhenSubjectTokenSignedByForeignKeyWithIssuersKidThenInvalidGrant() throws Exception {
        RsaJsonWebKey foreignKey = RsaJwkGenerator.generateJwk(2048);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(Fixtures.claims(aliceToOrders())));
        jws.setKey(foreignKey.getPrivateKey());
        jws.setKeyIdHeaderValue(issuer.signingKeyId());
        jws.setAlgorithmHeaderValue("RS256");
        jws.setHeader("typ", "at+jwt");

        assertThat(exchange(ORDERS, MintedTokens.register(jws.getCompactSerialization()), INVENTORY, null).error())
                .isEqualTo("invalid_grant");
    }

    @Test
    void exchangeWhenSubjectTokenFromAnotherIssuerThenInvalidGrant() {
        try (DevIssuer other = Fixtures.issuer(clock).build().start()) {
            String foreign = MintedTokens.register(other.mintUserToken("alice", "acme", List.of(), ORDERS));

            assertThat(exchange(ORDERS, foreign, INVENTORY, null).error()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void exchangeWhenSubjectTokenNotAddressedToCallingClientThenInvalidGrant() {
        String toBilling = MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of(), BILLING));

        assertThat(exchange(ORDERS, toBilling, INVENTORY, null).error()).isEqualTo("invalid_grant");
    }

    @Test
    void exchangeWhenAudienceOrScopeNotAllowedForClientThenInvalidTargetOrInvalidScope() {
        String toInventory = MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of(), INVENTORY));
        assertThat(exchange(INVENTORY, toInventory, ORDERS, null).error())
                .isEqualTo("invalid_target");
        assertThat(exchange(ORDERS, aliceToOrders(), INVENTORY, "inventory:read orders:admin").error())
                .isEqualTo("invalid_scope");
    }

    @Test
    void exchangeWhenSubjectTokenMissingOrTypeWrongOrActorTokenGivenThenInvalidRequest() {
        Map<String, String> noSubject = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token_type", ACCESS_TOKEN, "audience", INVENTORY);
        Map<String, String> wrongType = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", aliceToOrders(), "subject_token_type", "urn:ietf:params:oauth:token-type:saml2",
                "audience", INVENTORY);
        Map<String, String> actorToken = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", aliceToOrders(), "subject_token_type", ACCESS_TOKEN, "audience", INVENTORY,
                "actor_token", aliceToOrders(), "actor_token_type", ACCESS_TOKEN);

        assertThat(TestHttp.token(issuer, ORDERS, noSubject).error()).isEqualTo("invalid_request");
        assertThat(TestHttp.token(issuer, ORDERS, wrongType).error()).isEqualTo("invalid_request");
        assertThat(TestHttp.token(issuer, ORDERS, actorToken).error()).isEqualTo("invalid_request");
    }

    @Test
    void exchangeWhenClientSecretWrongThenInvalidClientBeforeTheSubjectTokenIsLookedAt() {
        Map<String, String> request = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", aliceToOrders(), "subject_token_type", ACCESS_TOKEN, "audience", INVENTORY);

        TestHttp.Response response = TestHttp.token(issuer, ORDERS, "not-the-secret", request);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("invalid_client");
    }
}
