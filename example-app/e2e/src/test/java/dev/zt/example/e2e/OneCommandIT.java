package dev.zt.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.devissuer.DevClient;
import dev.zt.devissuer.DevIssuer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The one command, {@code java -jar zt-example.jar}, as its own process: it prints working
 * {@code curl} lines for two tenants, and with an issuer named in the environment it starts no
 * development issuer and trusts that one alone.
 */
class OneCommandIT {

    private static final Pattern TOKEN_LINE = Pattern.compile("^(TOKEN_\\w+)=\\$\\(curl (.*) '(http://[^']+/dev/tokens)'\\)$",
            Pattern.MULTILINE);
    private static final Pattern CI_TOKEN_LINE = Pattern.compile(
            "^TOKEN_CI=\\$\\(curl (.*) '(http://[^']+/dev/pipeline-tokens)'\\)$", Pattern.MULTILINE);
    private static final Pattern DEPLOY_LINE = Pattern.compile(
            "^curl -sS -X POST -H \"Authorization: Bearer \\$TOKEN_CI\" .* -d '(\\{[^']*\\})' '(http://\\S+/api/deployments)'$",
            Pattern.MULTILINE);
    private static final Pattern FIELD = Pattern.compile("--data-urlencode '([a-z_]+)=([^']*)'");
    private static final Pattern ORDERS_URL = Pattern.compile("^  orders +(http://\\S+/api/orders)", Pattern.MULTILINE);

    @Test
    void javaJarWhenNoIssuerConfiguredThenPrintedCurlLinesShowTenantIsolation() throws Exception {
        Path log = LauncherProcess.newLog("one-command");
        try (LauncherProcess app = LauncherProcess.start(Map.of("PORT", "0"), log)) {
            app.awaitLine("zt example started");
            String out = app.awaitLines(17);

            assertThat(out).contains("DEVELOPMENT ONLY");
            URI orders = URI.create(match(ORDERS_URL, out).group(1));
            Map<String, String> tokens = new java.util.HashMap<>();
            Matcher m = TOKEN_LINE.matcher(out);
            while (m.find()) {
                tokens.put(m.group(1), fetchAsPrinted(URI.create(m.group(3)), m.group(2)));
            }
            assertThat(tokens).containsOnlyKeys("TOKEN_ACME", "TOKEN_GLOBEX");
            assertThat(out).contains("-d '{\"item\":\"sku-1\",\"quantity\":2}'").doesNotContain(tokens.get("TOKEN_ACME"));

            HttpResponse<String> placed = Http.post(orders, tokens.get("TOKEN_ACME"), "{\"item\":\"sku-1\",\"quantity\":2}");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            Object id = Http.object(placed.body()).get("id");
            assertThat(Http.get(URI.create(orders + "/" + id), tokens.get("TOKEN_ACME")).statusCode()).isEqualTo(200);
            assertThat(Http.get(URI.create(orders + "/" + id), tokens.get("TOKEN_GLOBEX")).statusCode()).isEqualTo(404);
            assertThat(Http.array(Http.get(orders, tokens.get("TOKEN_GLOBEX")).body())).isEmpty();

            // the printed CI pipeline lines: a pipeline token of acme/app on main in production deploys
            Matcher ci = match(CI_TOKEN_LINE, out);
            String pipelineToken = fetchAsPrinted(URI.create(ci.group(2)), ci.group(1));
            Matcher deploy = match(DEPLOY_LINE, out);
            HttpResponse<String> deployed = Http.post(URI.create(deploy.group(2)), pipelineToken, deploy.group(1));
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
            assertThat(Http.object(deployed.body())).containsEntry("kind", "PIPELINE")
                    .containsEntry("by", "repo:acme/app:environment:production");
            // the same lines with another branch: refused
            String featureToken = fetchAsPrinted(URI.create(ci.group(2)),
                    ci.group(1).replace("ref=refs/heads/main", "ref=refs/heads/feature-x"));
            assertThat(Http.post(URI.create(deploy.group(2)), featureToken, deploy.group(1)).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void javaJarWhenIssuerInEnvironmentThenNoDevIssuerAndOnlyThatIssuersTokensWork() throws Exception {
        Path secrets = Files.createTempDirectory("zt-example-secrets-");
        Path log = LauncherProcess.newLog("one-command");
        try (DevIssuer external = DevIssuer.builder()
                .client(DevClient.withId("orders-service").audiences("inventory-service").scopes("inventory:read").build())
                .build().start()) {
            Path secret = external.writeClientSecret("orders-service", secrets.resolve("orders-service.secret"));
            Map<String, String> env = Map.of(
                    "PORT", "0",
                    "ZT_ISSUER", external.issuerUri().toString(),
                    "ZT_JWKS_URI", external.jwksUri().toString(),
                    "ZT_TOKEN_ENDPOINT", external.tokenEndpoint().toString(),
                    "ZT_CLIENT_ID", "orders-service",
                    "ZT_CLIENT_SECRET_FILE", secret.toString());
            try (LauncherProcess app = LauncherProcess.start(env, log)) {
                String out = app.awaitLine("zt example started");
                out = app.awaitLines(3);

                assertThat(out).contains("(from the environment)").doesNotContain("/dev/tokens").doesNotContain("/dev/pipeline-tokens");
                URI orders = URI.create(match(ORDERS_URL, out).group(1));
                String alice = external.mintUserToken("alice", "acme", List.of("orders:read", "orders:write"),
                        "orders-service");
                HttpResponse<String> placed = Http.post(orders, alice, "{\"item\":\"sku-1\",\"quantity\":1}");
                assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201); // exchanged at the external issuer

                try (DevIssuer stranger = DevIssuer.builder().build().start()) {
                    String forged = stranger.mintUserToken("alice", "acme", List.of("orders:read"), "orders-service");
                    assertThat(Http.get(orders, forged).statusCode()).isEqualTo(401);
                }
            }
        } finally {
            try (var files = Files.list(secrets)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(secrets);
        }
    }

    /** POSTs the {@code --data-urlencode} fields of a printed line, as curl would. */
    private static String fetchAsPrinted(URI devTokens, String curlArguments) {
        assertThat(curlArguments).contains("-H 'Accept: text/plain'");
        Matcher f = FIELD.matcher(curlArguments);
        StringBuilder form = new StringBuilder();
        while (f.find()) {
            form.append(form.length() == 0 ? "" : "&").append(f.group(1)).append('=')
                    .append(URLEncoder.encode(f.group(2), StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(devTokens).timeout(Http.TIMEOUT)
                .header("Accept", "text/plain").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().strip();
    }

    private static Matcher match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in:%n%s", pattern, text).isTrue();
        return m;
    }
}
