package dev.zt.devissuer;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.Jwks;
import dev.zt.core.PipelineRule;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.TokenVerifier;
import dev.zt.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.zt.devissuer.Fixtures.ORDERS;
import static dev.zt.devissuer.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development issuer playing a CI system: GitHub Actions-style pipeline tokens, as zt's ci-pipeline profile reads them. */
class PipelineTokensIT {

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
    void mintPipelineTokenThenGitHubActionsShapeWithTypJwtAndATemptingScopeClaim() {
        String token = MintedTokens.register(issuer.mintPipelineToken("acme/app", "refs/heads/main", "production", "deploy", ORDERS,
                Duration.ofMinutes(5)));

        assertThat(Fixtures.header(token)).containsEntry("typ", "JWT").containsEntry("kid", issuer.signingKeyId());
        Map<String, Object> claims = Fixtures.claims(token);
        assertThat(claims).containsEntry("iss", issuer.issuerUri().toString()).containsEntry("aud", ORDERS)
                .containsEntry("sub", "repo:acme/app:environment:production")
                .containsEntry("repository", "acme/app").containsEntry("ref", "refs/heads/main")
                .containsEntry("environment", "production").containsEntry("workflow", "deploy")
                .containsEntry("scope", "deploy:production admin:all")
                .containsKeys("iat", "nbf", "exp", "jti")
                .doesNotContainKeys("client_id", "tenant", "act");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(300);
    }

    @Test
    void pipelineTokenWhenVerifiedByCiPipelinePolicyThenPipelineActorWithOnlyTheRuleScopes() {
        TokenVerifier verifier = ciVerifier(PipelineRule.repository("acme/app").ref("refs/heads/main")
                .environment("production").grants("deploy:production"));

        Actor main = verifier.verify(MintedTokens.register(issuer.mintPipelineToken("acme/app", "refs/heads/main",
                "production", "deploy", ORDERS, Duration.ofMinutes(5))));
        Actor feature = verifier.verify(MintedTokens.register(issuer.mintPipelineToken("acme/app", "refs/heads/feature-x",
                "production", "deploy", ORDERS, Duration.ofMinutes(5))));

        assertThat(main.kind()).isEqualTo(ActorKind.PIPELINE);
        assertThat(main.subject()).isEqualTo("repo:acme/app:environment:production");
        assertThat(main.scopes()).containsExactly("deploy:production");
        assertThat(feature.kind()).isEqualTo(ActorKind.PIPELINE);
        assertThat(feature.scopes()).isEmpty(); // the token's own "deploy:production admin:all" counts for nothing
    }

    @Test
    void pipelineTokenWhenVerifiedByDefaultAccessTokenPolicyThenRefusedForItsType() {
        String token = MintedTokens.register(issuer.mintPipelineToken("acme/app", "refs/heads/main", "production", "deploy", ORDERS,
                Duration.ofMinutes(5)));

        assertThatThrownBy(() -> Fixtures.verifier(issuer, clock, ORDERS).verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.WRONG_TYPE));
    }

    @Test
    void devPipelineTokensEndpointWhenPostedFormThenBareTokenForCurl() {
        TestHttp.Response response = TestHttp.post(issuer.devPipelineTokensEndpoint(),
                "application/x-www-form-urlencoded", "text/plain", TestHttp.encode(form("repository", "acme/app",
                        "ref", "refs/heads/main", "environment", "production", "audience", ORDERS)));

        assertThat(response.status()).isEqualTo(200);
        String token = response.body().strip();
        assertThat(Fixtures.header(token)).containsEntry("typ", "JWT");
        assertThat(Fixtures.claims(token)).containsEntry("repository", "acme/app").containsEntry("workflow", "deploy")
                .containsEntry("aud", ORDERS);
    }

    @Test
    void devPipelineTokensEndpointWhenRepositoryMissingThen400InvalidRequest() {
        TestHttp.Response response = TestHttp.post(issuer.devPipelineTokensEndpoint(),
                "application/x-www-form-urlencoded", "application/json",
                TestHttp.encode(form("ref", "refs/heads/main", "environment", "production", "audience", ORDERS)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("error", "invalid_request");
    }

    @Test
    void mintPipelineTokenWhenValueBlankOrLifetimeBeyondCapThenRefusedNamingIt() {
        assertThatThrownBy(() -> issuer.mintPipelineToken("acme/app", " ", "production", "deploy", ORDERS,
                Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ref");
        assertThatThrownBy(() -> issuer.mintPipelineToken("acme/app", "refs/heads/main", "production", "deploy", ORDERS,
                DevIssuer.LIFETIME_CAP.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifetime");
    }

    private TokenVerifier ciVerifier(PipelineRule rule) {
        TokenPolicy policy = TokenPolicy.forIssuer(issuer.issuerUri().toString()).audience(ORDERS)
                .tokenTypes("JWT").pipeline(rule).build();
        return TokenVerifier.builder(policy, Jwks.fromUri(issuer.jwksUri()).clock(clock).build()).clock(clock).build();
    }
}
