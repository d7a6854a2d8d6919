package dev.zt.example.e2e;

import static dev.zt.example.e2e.RunningExample.ciIssuer;
import static dev.zt.example.e2e.RunningExample.inventory;
import static dev.zt.example.e2e.RunningExample.orders;
import static dev.zt.example.e2e.RunningExample.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.example.launcher.ZtExample;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A CI pipeline as an actor: the CI issuer's GitHub Actions-style tokens (each claiming
 * {@code scope: "deploy:production admin:all"} for itself) get exactly what the pipeline rule
 * {@value ZtExample#PIPELINE_RULES} grants, matched exactly, and nothing from their own claims.
 * Every hostile case sits beside the positive control, which uses the same issuer and endpoint.
 */
class PipelineDeployIT {

    private static final String BODY = "{\"version\":\"1.2.3\"}";

    @Test
    void deployWhenPipelineOfAcmeAppOnMainInProductionThen202ByThatPipeline() {
        HttpResponse<String> response = deploy(pipeline("acme/app", "refs/heads/main", "production"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(Http.object(response.body())).containsEntry("version", "1.2.3")
                .containsEntry("by", "repo:acme/app:environment:production").containsEntry("kind", "PIPELINE");
    }

    @Test
    void deployWhenPipelineFromAnotherBranchThen403InsufficientScope() {
        assertInsufficientScope(deploy(pipeline("acme/app", "refs/heads/feature-x", "production")), "deploy:production");
        assertThat(deploy(pipeline("acme/app", "refs/heads/main", "production")).statusCode()).isEqualTo(202);
    }

    @Test
    void deployWhenRefOnlyStartsWithTheGrantedBranchThen403() {
        assertInsufficientScope(deploy(pipeline("acme/app", "refs/heads/main-evil", "production")), "deploy:production");
        assertInsufficientScope(deploy(pipeline("acme/app", "refs/tags/refs/heads/main", "production")), "deploy:production");
        assertThat(deploy(pipeline("acme/app", "refs/heads/main", "production")).statusCode()).isEqualTo(202);
    }

    @Test
    void deployWhenRepositoryOnlyStartsWithTheGrantedOneThen403() {
        assertInsufficientScope(deploy(pipeline("acme/app-evil", "refs/heads/main", "production")), "deploy:production");
        assertInsufficientScope(deploy(pipeline("Acme/App", "refs/heads/main", "production")), "deploy:production");
        assertThat(deploy(pipeline("acme/app", "refs/heads/main", "production")).statusCode()).isEqualTo(202);
    }

    @Test
    void deployWhenPipelineRunsInStagingEnvironmentThen403() {
        assertInsufficientScope(deploy(pipeline("acme/app", "refs/heads/main", "staging")), "deploy:production");
        assertThat(deploy(pipeline("acme/app", "refs/heads/main", "production")).statusCode()).isEqualTo(202);
    }

    @Test
    void ordersWhenGrantedPipelineClaimsAdminAllForItselfThen403ItsOwnScopeClaimIsIgnored() {
        String granted = pipeline("acme/app", "refs/heads/main", "production");
        assertThat(claimedScope(granted)).isEqualTo("deploy:production admin:all");

        assertInsufficientScope(Http.get(orders("api/orders"), granted), "orders:read");
        assertInsufficientScope(Http.post(orders("api/orders"), granted, "{\"item\":\"sku-1\",\"quantity\":1}"),
                "orders:write");
        // positive control: the same token where its granted scope is what is needed
        assertThat(deploy(granted).statusCode()).isEqualTo(202);
    }

    @Test
    void deployWhenUnmatchedPipelineClaimsDeployProductionForItselfThen403() {
        String unmatched = pipeline("acme/app", "refs/heads/feature-x", "production");
        assertThat(claimedScope(unmatched)).contains("deploy:production");

        assertInsufficientScope(deploy(unmatched), "deploy:production");
    }

    @Test
    void deployWhenPipelineTokenIsForTheInventoryAudienceThen401InvalidToken() {
        String forInventory = ciIssuer().mintPipelineToken("acme/app", "refs/heads/main", "production", "deploy",
                ZtExample.INVENTORY_AUDIENCE, Duration.ofMinutes(5));

        assertInvalidToken(deploy(forInventory));
        assertThat(deploy(pipeline("acme/app", "refs/heads/main", "production")).statusCode()).isEqualTo(202);
    }

    @Test
    void inventoryWhenPipelineTokenIsForTheOrdersAudienceThen401AndForItsOwnAudienceOnly403() {
        // the CI keys are system properties both WARs read; each WAR's own web.xml holds its CI audience
        assertInvalidToken(Http.get(inventory("api/items/sku-1"), pipeline("acme/app", "refs/heads/main", "production")));
        // control: inventory does trust the CI issuer, for its own audience, and then only by scope
        String forInventory = ciIssuer().mintPipelineToken("acme/app", "refs/heads/main", "production", "deploy",
                ZtExample.INVENTORY_AUDIENCE, Duration.ofMinutes(5));
        assertInsufficientScope(Http.get(inventory("api/items/sku-1"), forInventory), "inventory:read");
    }

    @Test
    void deployWhenPipelineShapedTokenComesFromTheUserIssuerThen401InvalidToken() {
        // same claims, signed by the trusted user issuer: judged by that issuer's policy (typ at+jwt), refused
        String wrongIssuer = RunningExample.issuer().mintPipelineToken("acme/app", "refs/heads/main", "production",
                "deploy", ZtExample.ORDERS_AUDIENCE, Duration.ofMinutes(5));

        assertInvalidToken(deploy(wrongIssuer));
    }

    @Test
    void deployWhenUserTokenWithAllOrdersScopesThen403InsufficientScope() {
        String user = userToken("alice", "acme", "orders:read", "orders:write", "orders:delete");

        assertInsufficientScope(deploy(user), "deploy:production");
        assertThat(Http.get(orders("api/orders"), user).statusCode()).isEqualTo(200);
    }

    @Test
    void deployWhenNoTokenThen401() {
        assertThat(deploy(null).statusCode()).isEqualTo(401);
    }

    @Test
    void deployWhenBodyIsNotAVersionThen400() {
        String granted = pipeline("acme/app", "refs/heads/main", "production");

        HttpResponse<String> response = Http.post(orders("api/deployments"), granted, "{\"version\":\"latest\",\"x\":1}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    private static String pipeline(String repository, String ref, String environment) {
        return ciIssuer().mintPipelineToken(repository, ref, environment, "deploy", ZtExample.ORDERS_AUDIENCE,
                Duration.ofMinutes(5));
    }

    private static HttpResponse<String> deploy(String token) {
        return Http.post(orders("api/deployments"), token, BODY);
    }

    private static String claimedScope(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return (String) Http.object(payload).get("scope");
    }

    private static void assertInsufficientScope(HttpResponse<String> response, String scope) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .contains("error=\"insufficient_scope\"").contains("scope=\"" + scope + "\""));
        assertThat(Http.object(response.body())).containsEntry("error", "insufficient_scope");
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
    }
}
