package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several trusted issuers at once: each token judged only by the policy and keys of its own iss. */
class MultiIssuerVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String KEYCLOAK = "https://keycloak.test/realms/acme";
    private static final String CI = "https://token.actions.test";

    /** Counts lookups, to prove an unknown issuer never reaches any key source. */
    static final class CountingKeys implements KeySource {
        final KeySource delegate;
        final AtomicInteger lookups = new AtomicInteger();

        CountingKeys(KeySource delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<VerificationKey> keysFor(String kid, String algorithm) {
            lookups.incrementAndGet();
            return delegate.keysFor(kid, algorithm);
        }

        @Override
        public boolean isTrusted(VerificationKey key) {
            return delegate.isTrusted(key);
        }
    }

    private final CountingKeys ownKeys = new CountingKeys(Jwks.fromJson(TestKeys.jwksOf(TestKeys.RS256)));
    private final CountingKeys keycloakKeys = new CountingKeys(Jwks.fromJson(TestKeys.jwksOf(TestKeys.ES256)));
    private final CountingKeys ciKeys = new CountingKeys(Jwks.fromJson(TestKeys.jwksOf(TestKeys.EDDSA)));

    private final TokenVerifier verifier = TokenVerifier.builder(
                    TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build(), ownKeys)
            .trust(TokenPolicy.forIssuer(KEYCLOAK).audience(TestTokens.AUDIENCE).tokenTypes("JWT")
                    .delegatingClients("orders-service").build(), keycloakKeys)
            .trust(TokenPolicy.forIssuer(CI).audience("deploy-api").tokenTypes("JWT").pipeline(
                    PipelineRule.repository("acme/app").ref("refs/heads/main").environment("production").grants("deploy:production"),
                    PipelineRule.repository("acme/app").grants("build:read")).build(), ciKeys)
            .clock(CLOCK).build();

    private static TestTokens keycloak() {
        return TestTokens.valid(CLOCK).signedWith(TestKeys.ES256).claim("iss", KEYCLOAK).header("typ", "JWT");
    }

    private static TestTokens pipeline() {
        return TestTokens.valid(CLOCK).signedWith(TestKeys.EDDSA).claim("iss", CI).header("typ", "JWT")
                .claim("aud", "deploy-api").subject("repo:acme/app:environment:production").without("client_id").without("tenant")
                .claim("repository", "acme/app").claim("ref", "refs/heads/main").claim("environment", "production")
                .claim("scope", "admin:all deploy:production");
    }

    private static void rejected(Runnable call, RejectionReason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void verifyWhenEachIssuerWithItsOwnKeysThenAccepted() {
        assertThat(verifier.verify(TestTokens.valid(CLOCK).sign()).issuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(verifier.verify(keycloak().sign()).issuer()).isEqualTo(KEYCLOAK);
        assertThat(verifier.verify(pipeline().sign()).kind()).isEqualTo(ActorKind.PIPELINE);
        assertThat(verifier.issuers()).containsExactlyInAnyOrder(TestTokens.ISSUER, KEYCLOAK, CI);
    }

    @Test
    void verifyWhenIssuerASignsWithIssuerBsKeyThenRefused() {
        // signed with the Keycloak issuer's key and kid, but claiming our own issuer
        rejected(() -> verifier.verify(TestTokens.valid(CLOCK).signedWith(TestKeys.ES256).sign()), RejectionReason.UNKNOWN_KEY);
        // and the other way round
        rejected(() -> verifier.verify(keycloak().signedWith(TestKeys.RS256).header("typ", "JWT").sign()), RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void verifyWhenUnknownIssuerThenRefusedWithoutAnyKeyLookup() {
        for (String iss : List.of("https://evil.test", KEYCLOAK + "/", KEYCLOAK.toUpperCase(), "https://KEYCLOAK.test/realms/acme",
                TestTokens.ISSUER + "/", " " + TestTokens.ISSUER)) {
            rejected(() -> verifier.verify(TestTokens.valid(CLOCK).claim("iss", iss).sign()), RejectionReason.WRONG_ISSUER);
        }
        assertThat(ownKeys.lookups.get() + keycloakKeys.lookups.get() + ciKeys.lookups.get()).isZero();
    }

    @Test
    void verifyWhenTypAcceptedByAnotherIssuerOnlyThenRefused() {
        rejected(() -> verifier.verify(TestTokens.valid(CLOCK).header("typ", "JWT").sign()), RejectionReason.WRONG_TYPE);
        assertThat(verifier.verify(keycloak().sign()).subject()).isEqualTo("alice");
    }

    @Test
    void verifyWhenAuthorizedPartyIsADelegatingClientThenActorActsForTheUser() {
        Actor exchanged = verifier.verify(keycloak().claim("azp", "orders-service").without("client_id").sign());
        assertThat(exchanged.subject()).isEqualTo("alice");
        assertThat(exchanged.isDelegated()).isTrue();
        assertThat(exchanged.actingParties()).extracting(ActingParty::subject).containsExactly("orders-service");
        assertThat(exchanged.tenant()).contains("acme");
    }

    @Test
    void verifyWhenAuthorizedPartyIsNotADelegatingClientThenNoDelegation() {
        assertThat(verifier.verify(keycloak().claim("azp", "web-app").without("client_id").sign()).isDelegated()).isFalse();
        // the same azp under our own issuer, which names no delegating clients
        assertThat(verifier.verify(TestTokens.valid(CLOCK).claim("client_id", "orders-service").sign()).isDelegated()).isFalse();
    }

    @Test
    void verifyWhenDelegatingClientsOwnServiceTokenThenNotADelegation() {
        // Keycloak client credentials: sub is the service-account user, azp/client_id the client.
        Actor own = verifier.verify(keycloak().subject("service-account-id").claim("client_id", "orders-service")
                .claim("azp", "orders-service").claim("actor_kind", "service").sign());
        assertThat(own.kind()).isEqualTo(ActorKind.SERVICE);
        assertThat(own.isDelegated()).isFalse();
    }

    @Test
    void verifyWhenPipelineMatchesRulesExactlyThenOnlyTheirScopes() {
        Actor actor = verifier.verify(pipeline().sign());
        assertThat(actor.kind()).isEqualTo(ActorKind.PIPELINE);
        assertThat(actor.scopes()).containsExactlyInAnyOrder("deploy:production", "build:read");
        assertThat(actor.hasScope("admin:all")).as("the token's own scope claim is ignored").isFalse();
    }

    @Test
    void verifyWhenPipelineFromAnotherBranchThenNoDeployScope() {
        assertThat(verifier.verify(pipeline().claim("ref", "refs/heads/feature").sign()).scopes()).containsExactly("build:read");
        assertThat(verifier.verify(pipeline().claim("ref", "refs/heads/main-evil").sign()).scopes()).containsExactly("build:read");
        assertThat(verifier.verify(pipeline().claim("environment", "staging").sign()).scopes()).containsExactly("build:read");
    }

    @Test
    void verifyWhenPipelineRepositoryOnlySharesAPrefixThenNoScopes() {
        assertThat(verifier.verify(pipeline().claim("repository", "acme/app-evil").sign()).scopes()).isEmpty();
        assertThat(verifier.verify(pipeline().claim("repository", "acme/ap").sign()).scopes()).isEmpty();
        assertThat(verifier.verify(pipeline().claim("repository", "ACME/app").sign()).scopes()).isEmpty();
        assertThat(verifier.verify(pipeline().without("repository").sign()).scopes()).isEmpty();
    }

    @Test
    void verifyWhenPipelineClaimHasWrongTypeThenRefused() {
        rejected(() -> verifier.verify(pipeline().claim("ref", List.of("refs/heads/main")).sign()), RejectionReason.BAD_CLAIM);
    }

    @Test
    void verifyWhenPipelineTokenReplayedAtAUserAudienceThenRefused() {
        rejected(() -> verifier.verify(pipeline().claim("aud", TestTokens.AUDIENCE).claim("iss", CI).sign()), RejectionReason.WRONG_AUDIENCE);
    }

    @Test
    void buildWhenIssuerTrustedTwiceThenRefused() {
        TokenPolicy policy = TokenPolicy.forIssuer(TestTokens.ISSUER).audience("a").build();
        assertThatThrownBy(() -> TokenVerifier.builder(policy, ownKeys).trust(policy, keycloakKeys).build())
                .hasMessageContaining("trusted twice");
    }

    @Test
    void pipelineRuleWhenWildcardOrUnknownClaimThenRefused() {
        assertThatThrownBy(() -> PipelineRule.repository("acme/*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PipelineRule.repository("acme/app").claim("sub", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PipelineRule.repository("acme/app").grants("bad scope")).isInstanceOf(IllegalArgumentException.class);
    }
}
