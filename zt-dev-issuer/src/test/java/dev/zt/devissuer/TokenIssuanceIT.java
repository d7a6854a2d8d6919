package dev.zt.devissuer;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.zt.devissuer.Fixtures.BILLING;
import static dev.zt.devissuer.Fixtures.INVENTORY;
import static dev.zt.devissuer.Fixtures.ORDERS;
import static dev.zt.devissuer.Fixtures.REPORTING;
import static dev.zt.devissuer.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JWKS, metadata, client credentials and user tokens over real HTTP, verified by zt under its default policy. */
class TokenIssuanceIT {

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

    @Test
    void startWhenPortZeroThenServesOnLoopbackEphemeralPort() {
        assertThat(issuer.issuerUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(issuer.issuerUri().getPort()).isPositive();
        assertThat(issuer.jwksUri().toString()).isEqualTo(issuer.issuerUri() + "/.well-known/jwks.json");
        assertThat(issuer.tokenEndpoint().toString()).isEqualTo(issuer.issuerUri() + "/oauth2/token");
    }

    @Test
    void jwksWhenFetchedThenPublicKeysOnlyWithShortMaxAge() {
        TestHttp.Response response = TestHttp.get(issuer.jwksUri());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("max-age=60");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) response.json().get("keys");
        assertThat(keys).extracting(k -> k.get("kid")).containsExactlyInAnyOrderElementsOf(issuer.publishedKeyIds());
        assertThat(keys).allSatisfy(key -> {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256");
            assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void openidConfigurationWhenFetchedThenNamesIssuerJwksAndTokenEndpoint() {
        Map<String, Object> metadata = TestHttp.get(issuer.openIdConfigurationUri()).json();

        assertThat(metadata).containsEntry("issuer", issuer.issuerUri().toString())
                .containsEntry("jwks_uri", issuer.jwksUri().toString())
                .containsEntry("token_endpoint", issuer.tokenEndpoint().toString())
                .containsEntry("zt_development_only", true);
        assertThat(metadata.get("token_endpoint_auth_methods_supported")).isEqualTo(List.of("client_secret_basic"));
    }

    @Test
    void clientCredentialsWhenValidThenTokenVerifiesUnderDefaultPolicyAsService() {
        TestHttp.Response response = TestHttp.token(issuer, ORDERS,
                form("grant_type", "client_credentials", "audience", INVENTORY, "scope", "inventory:read"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.json()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 300L)
                .containsEntry("scope", "inventory:read");
        String token = response.accessToken();
        assertThat(Fixtures.header(token)).containsEntry("typ", "at+jwt").containsEntry("alg", "RS256")
                .containsEntry("kid", issuer.signingKeyId());
        assertThat(Fixtures.claims(token)).containsEntry("client_id", ORDERS).containsKeys("jti", "iat", "exp")
                .doesNotContainKeys("tenant", "act");

        Actor actor = Fixtures.verifier(issuer, clock, INVENTORY).verify(token);
        assertThat(actor.kind()).isEqualTo(ActorKind.SERVICE);
        assertThat(actor.subject()).isEqualTo(ORDERS);
        assertThat(actor.clientId()).contains(ORDERS);
        assertThat(actor.scopes()).containsExactly("inventory:read");
        assertThat(actor.issuedAt()).isEqualTo(clock.instant());
        assertThat(actor.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(actor.isDelegated()).isFalse();
    }

    @Test
    void clientCredentialsWhenVerifiedForAnotherAudienceThenZtRejects() {
        String token = TestHttp.token(issuer, ORDERS, form("grant_type", "client_credentials", "audience", INVENTORY))
                .accessToken();

        assertThatThrownBy(() -> Fixtures.verifier(issuer, clock, BILLING).verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.WRONG_AUDIENCE));
    }

    @Test
    void clientCredentialsWhenNoScopeAskedThenAllTheClientMayHave() {
        String token = TestHttp.token(issuer, ORDERS, form("grant_type", "client_credentials", "resource", BILLING))
                .accessToken();

        assertThat(Fixtures.verifier(issuer, clock, BILLING).verify(token).scopes())
                .containsExactlyInAnyOrder("inventory:read", "inventory:reserve", "billing:charge");
    }

    @Test
    void clientCredentialsWhenClientBoundToTenantThenTokenCarriesTenant() {
        String token = TestHttp.token(issuer, REPORTING, form("grant_type", "client_credentials")).accessToken();

        Actor actor = Fixtures.verifier(issuer, clock, ORDERS).verify(token);
        assertThat(actor.tenant()).contains("acme");
        assertThat(actor.kind()).isEqualTo(ActorKind.SERVICE);
    }

    @Test
    void mintUserTokenWhenCalledInProcessThenVerifiesAsUserOfTenant() {
        String token = MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of("orders:read", "orders:write"), ORDERS));

        Actor actor = Fixtures.verifier(issuer, clock, ORDERS).verify(token);
        assertThat(actor.kind()).isEqualTo(ActorKind.USER);
        assertThat(actor.subject()).isEqualTo("alice");
        assertThat(actor.tenant()).contains("acme");
        assertThat(actor.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(actor.clientId()).contains(DevIssuer.USER_TOKEN_CLIENT_ID);
        assertThat(Fixtures.claims(token)).containsEntry("scope", "orders:read orders:write");
    }

    @Test
    void mintUserTokenWhenLifetimeGivenThenExpiresThenAndZtRejectsAfterwards() {
        String token = MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of(), ORDERS, Duration.ofMinutes(2)));
        var verifier = Fixtures.verifier(issuer, clock, ORDERS);
        assertThat(verifier.verify(token).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> Fixtures.verifier(issuer, clock, ORDERS).verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.EXPIRED));
    }

    @Test
    void mintUserTokenWhenLifetimeAboveOneHourOrTenantMalformedThenRefused() {
        assertThatThrownBy(() -> issuer.mintUserToken("alice", "acme", List.of(), ORDERS, Duration.ofMinutes(61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZT-8008");
        assertThatThrownBy(() -> issuer.mintUserToken("alice", "acme corp", List.of(), ORDERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZT-8008");
        assertThatThrownBy(() -> issuer.mintUserToken("alice", "acme", List.of("bad\"scope"), ORDERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZT-8008");
    }

    @Test
    void devTokensWhenFormPostedThenJsonWithVerifiableUserToken() {
        TestHttp.Response response = TestHttp.postForm(issuer.devTokensEndpoint(), null,
                form("subject", "bob", "tenant", "globex", "scope", "orders:read", "audience", ORDERS));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.json()).containsEntry("zt_development_only", true).containsEntry("expires_in", 300L);
        Actor actor = Fixtures.verifier(issuer, clock, ORDERS).verify(response.accessToken());
        assertThat(actor.subject()).isEqualTo("bob");
        assertThat(actor.tenant()).contains("globex");
        assertThat(actor.scopes()).containsExactly("orders:read");
    }

    @Test
    void devTokensWhenJsonPostedAndPlainTextAcceptedThenBareToken() {
        TestHttp.Response response = TestHttp.post(issuer.devTokensEndpoint(), "application/json", "text/plain",
                "{\"subject\":\"carol\",\"tenant\":\"acme\",\"scopes\":[\"orders:read\",\"orders:write\"],"
                        + "\"audience\":\"orders-service\",\"expires_in\":120}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        String token = response.body().strip();
        Actor actor = Fixtures.verifier(issuer, clock, ORDERS).verify(token);
        assertThat(actor.subject()).isEqualTo("carol");
        assertThat(actor.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(actor.expiresAt()).isEqualTo(clock.instant().plusSeconds(120));
    }

    @Test
    void devTokensWhenTenantMalformedOrSubjectMissingThenInvalidRequest() {
        TestHttp.Response badTenant = TestHttp.postForm(issuer.devTokensEndpoint(), null,
                form("subject", "bob", "tenant", "../etc", "audience", ORDERS));
        TestHttp.Response noSubject = TestHttp.postForm(issuer.devTokensEndpoint(), null,
                form("tenant", "acme", "audience", ORDERS));

        assertThat(badTenant.status()).isEqualTo(400);
        assertThat(badTenant.error()).isEqualTo("invalid_request");
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.error()).isEqualTo("invalid_request");
    }

    @Test
    void es256IssuerWhenTokenMintedThenZtVerifiesIt() {
        try (DevIssuer ec = Fixtures.issuer(clock).algorithm(SigningAlgorithm.ES256).build().start()) {
            String token = MintedTokens.register(ec.mintUserToken("alice", "acme", List.of("orders:read"), ORDERS));

            assertThat(Fixtures.header(token)).containsEntry("alg", "ES256");
            assertThat(Fixtures.verifier(ec, clock, ORDERS).verify(token).subject()).isEqualTo("alice");
            assertThat(TestHttp.get(ec.jwksUri()).body()).contains("\"crv\":\"P-256\"").doesNotContain("\"d\"");
        }
    }

    @Test
    void verifyWhenTokenFromAnotherDevIssuerThenZtRejects() {
        try (DevIssuer other = Fixtures.issuer(clock).build().start()) {
            String foreign = MintedTokens.register(other.mintUserToken("alice", "acme", List.of(), ORDERS));

            assertThatThrownBy(() -> Fixtures.verifier(issuer, clock, ORDERS).verify(foreign))
                    .isInstanceOf(TokenRejectedException.class);
            assertThat(Fixtures.verifier(other, clock, ORDERS).verify(foreign).subject()).isEqualTo("alice");
        }
    }

    @Test
    void unknownPathOrWrongMethodThenNotServed() {
        assertThat(TestHttp.get(issuer.issuerUri().resolve("/admin")).status()).isEqualTo(404);
        assertThat(TestHttp.get(issuer.issuerUri().resolve("/oauth2/tokenx")).status()).isEqualTo(404);
        TestHttp.Response get = TestHttp.get(issuer.tokenEndpoint());
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void curlExamplesWhenFetchLinesRunInAShellThenEachYieldsATokenOfItsTenant() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/bin/bash")),
                "needs bash and curl");
        String lines = issuer.curlExamples(URI.create("http://localhost:8080/api/orders"), ORDERS,
                List.of("orders:read"), "acme", "globex");
        String fetches = lines.lines().filter(l -> l.startsWith("TOKEN_")).collect(Collectors.joining("\n"));
        assertThat(fetches.lines()).hasSize(2);

        Process shell = new ProcessBuilder("/bin/bash", "-c", fetches + "\nprintf '%s\\n' \"$TOKEN_ACME\" \"$TOKEN_GLOBEX\"")
                .redirectErrorStream(true).start();
        List<String> tokens = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        tokens.forEach(MintedTokens::register);
        assertThat(shell.waitFor()).isZero();

        var verifier = Fixtures.verifier(issuer, clock, ORDERS);
        assertThat(tokens).hasSize(2);
        assertThat(verifier.verify(tokens.get(0)).tenant()).contains("acme");
        assertThat(verifier.verify(tokens.get(1)).tenant()).contains("globex");
        assertThat(verifier.verify(tokens.get(1)).subject()).isEqualTo("bob");
    }

    @Test
    void startWhenTimedThenWellUnderASecond() {
        Instant before = Instant.now();
        try (DevIssuer timed = Fixtures.issuer(clock).build().start()) {
            assertThat(TestHttp.get(timed.jwksUri()).status()).isEqualTo(200);
        }
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void onIssuedWhenTokensAreMintedInProcessAndOverHttpThenTheListenerGetsEachExactlyOnce() {
        List<String> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DevIssuer listened = Fixtures.issuer(clock).onIssued(issued::add).build().start()) {
            String user = MintedTokens.register(listened.mintUserToken("alice", "acme", List.of("orders:read"), ORDERS));
            String service = TestHttp.token(listened, ORDERS,
                    form("grant_type", "client_credentials", "audience", INVENTORY, "scope", "inventory:read")).accessToken();

            assertThat(issued).containsExactly(user, service);
        }
        assertThat(issued).hasSize(2);
    }
}
