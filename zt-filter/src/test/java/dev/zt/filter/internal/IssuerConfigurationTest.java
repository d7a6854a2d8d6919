package dev.zt.filter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.TokenVerifier;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import dev.zt.filter.ZeroTrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several issuers from configuration keys: zt.issuers and zt.issuers.<name>.*, beside the single-issuer keys. */
class IssuerConfigurationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private static final String KEYCLOAK = "https://keycloak.test/realms/acme";
    private static final String CI = "https://token.actions.test";

    @TempDir
    Path dir;

    private final Map<String, String> config = new HashMap<>();

    private String jwksFile(String name, TestKeys.TestKey key) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, TestKeys.jwksOf(key));
        return file.toString();
    }

    private void threeIssuers() throws IOException {
        config.put("zt.issuer", TestTokens.ISSUER);
        config.put("zt.audience", TestTokens.AUDIENCE);
        config.put("zt.jwks-file", jwksFile("own", TestKeys.RS256));
        config.put("zt.issuers", "keycloak, github");
        config.put("zt.issuers.keycloak.issuer", KEYCLOAK);
        config.put("zt.issuers.keycloak.audience", TestTokens.AUDIENCE);
        config.put("zt.issuers.keycloak.jwks-file", jwksFile("keycloak", TestKeys.ES256));
        config.put("zt.issuers.keycloak.token-types", "JWT");
        config.put("zt.issuers.keycloak.delegating-clients", "orders-service");
        config.put("zt.issuers.github.issuer", CI);
        config.put("zt.issuers.github.audience", "deploy-api");
        config.put("zt.issuers.github.jwks-file", jwksFile("github", TestKeys.EDDSA));
        config.put("zt.issuers.github.profile", "ci-pipeline");
        config.put("zt.issuers.github.pipeline-rules",
                "repository=acme/app;ref=refs/heads/main;environment=production -> deploy:production, repository=acme/app -> build:read");
    }

    private TokenVerifier verifier() {
        return ZeroTrustSettings.fromConfiguration(config::get, CLOCK).verifier();
    }

    private static TestTokens pipeline() {
        return TestTokens.valid(CLOCK).signedWith(TestKeys.EDDSA).claim("iss", CI).header("typ", "JWT").claim("aud", "deploy-api")
                .subject("repo:acme/app:environment:production").without("client_id")
                .claim("repository", "acme/app").claim("ref", "refs/heads/main").claim("environment", "production");
    }

    @Test
    void fromConfigurationWhenSeveralIssuersThenEachTokenJudgedByItsOwn() throws IOException {
        threeIssuers();
        TokenVerifier verifier = verifier();
        assertThat(verifier.issuers()).containsExactlyInAnyOrder(TestTokens.ISSUER, KEYCLOAK, CI);
        assertThat(verifier.verify(TestTokens.valid(CLOCK).sign()).issuer()).isEqualTo(TestTokens.ISSUER);
        Actor exchanged = verifier.verify(TestTokens.valid(CLOCK).signedWith(TestKeys.ES256).claim("iss", KEYCLOAK)
                .header("typ", "JWT").without("client_id").claim("azp", "orders-service").sign());
        assertThat(exchanged.actingParties()).extracting(ActingParty::subject).containsExactly("orders-service");
        Actor deploy = verifier.verify(pipeline().sign());
        assertThat(deploy.kind()).isEqualTo(ActorKind.PIPELINE);
        assertThat(deploy.scopes()).containsExactlyInAnyOrder("deploy:production", "build:read");
    }

    @Test
    void fromConfigurationWhenPipelineFromAnotherBranchOrLookAlikeRepositoryThenNoDeployScope() throws IOException {
        threeIssuers();
        TokenVerifier verifier = verifier();
        assertThat(verifier.verify(pipeline().claim("ref", "refs/heads/main-evil").sign()).scopes()).containsExactly("build:read");
        assertThat(verifier.verify(pipeline().claim("repository", "acme/app-evil").sign()).scopes()).isEmpty();
    }

    @Test
    void fromConfigurationWhenKeycloakTypOnlyForKeycloakThenOwnIssuerStillRequiresAtJwt() throws IOException {
        threeIssuers();
        assertThatThrownBy(() -> verifier().verify(TestTokens.valid(CLOCK).header("typ", "JWT").sign()))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.WRONG_TYPE));
    }

    @Test
    void fromConfigurationWhenOnlyNamedIssuersThenSingleIssuerKeysNotNeeded() throws IOException {
        threeIssuers();
        config.remove("zt.issuer");
        config.remove("zt.audience");
        config.remove("zt.jwks-file");
        assertThat(verifier().issuers()).containsExactlyInAnyOrder(KEYCLOAK, CI);
    }

    @Test
    void fromConfigurationWhenNamedIssuerLacksAudienceThenFailureNamesItsKey() throws IOException {
        threeIssuers();
        config.remove("zt.issuers.keycloak.audience");
        assertThatThrownBy(this::verifier).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zt.issuers.keycloak.audience");
    }

    @Test
    void fromConfigurationWhenNamedIssuerLacksKeysThenFailureNamesItsKey() throws IOException {
        threeIssuers();
        config.remove("zt.issuers.github.jwks-file");
        assertThatThrownBy(this::verifier).hasMessageContaining("zt.issuers.github.jwks-uri");
    }

    @Test
    void fromConfigurationWhenSameIssuerTwiceThenRefused() throws IOException {
        threeIssuers();
        config.put("zt.issuers.keycloak.issuer", TestTokens.ISSUER);
        assertThatThrownBy(this::verifier).hasMessageContaining("zt.issuers").hasMessageContaining("trusted twice");
    }

    @Test
    void fromConfigurationWhenBadPipelineRuleThenFailureNamesTheKey() throws IOException {
        threeIssuers();
        for (String bad : new String[] {"repository=acme/*->deploy:production", "ref=refs/heads/main -> deploy:production",
                "repository=acme/app", "repository=acme/app;sub=x -> deploy:production", "repository=acme/app -> bad\"scope"}) {
            config.put("zt.issuers.github.pipeline-rules", bad);
            assertThatThrownBy(this::verifier).as(bad).hasMessageContaining("zt.issuers.github.pipeline-rules");
        }
    }

    @Test
    void fromConfigurationWhenPipelineRulesWithoutPipelineProfileThenRefused() throws IOException {
        threeIssuers();
        config.remove("zt.issuers.github.profile");
        assertThatThrownBy(this::verifier).hasMessageContaining("zt.issuers.github.pipeline-rules");
    }

    @Test
    void fromConfigurationWhenIssuerNameInvalidThenRefused() throws IOException {
        threeIssuers();
        config.put("zt.issuers", "Keycloak");
        assertThatThrownBy(this::verifier).hasMessageContaining("zt.issuers");
    }

    @Test
    void fromConfigurationWhenNoIssuerAtAllThenFailureNamesZtIssuer() {
        assertThatThrownBy(this::verifier).hasMessageContaining("zt.issuer");
    }
}
