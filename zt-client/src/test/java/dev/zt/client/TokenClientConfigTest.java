package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenClientConfigTest {

    private static final String SECRET = "config-test-secret-7";

    @TempDir
    Path dir;

    private static TokenClient.Builder builder(String endpoint) {
        return TokenClient.builder(URI.create(endpoint)).clientId("orders").clientSecret(Secret.of(SECRET.toCharArray()));
    }

    @Test
    void httpsEndpoint_isAccepted() {
        assertThat(builder("https://idp.example/token").build().tokenEndpoint()).hasHost("idp.example");
    }

    @Test
    void plainHttpOnLoopback_isAccepted() {
        assertThat(builder("http://127.0.0.1:8080/token").build()).isNotNull();
        assertThat(builder("http://localhost:8080/token").build()).isNotNull();
        assertThat(builder("http://[::1]:8080/token").build()).isNotNull();
    }

    @Test
    void plainHttpElsewhere_isRefused_unlessExplicitlyAllowed() {
        assertThatThrownBy(() -> builder("http://idp.example/token").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-7102");
        assertThatThrownBy(() -> builder("http://localhost.evil.example/token").build())
                .hasMessageStartingWith("ZT-7102");
        assertThatThrownBy(() -> builder("http://10.0.0.1/token").build()).hasMessageStartingWith("ZT-7102");

        assertThat(builder("http://idp.example/token").allowInsecureHttp().build()).isNotNull();
    }

    @Test
    void endpointWithUserInfo_orAnotherScheme_isRefused() {
        assertThatThrownBy(() -> builder("https://user:pw@idp.example/token").build()).hasMessageStartingWith("ZT-7102");
        assertThatThrownBy(() -> builder("ftp://idp.example/token").build()).hasMessageStartingWith("ZT-7102");
    }

    @Test
    void missingClientIdOrSecret_isRefused() {
        assertThatThrownBy(() -> TokenClient.builder(URI.create("https://idp.example/token"))
                .clientSecret(Secret.of(SECRET.toCharArray())).build()).hasMessageContaining("client id");
        assertThatThrownBy(() -> TokenClient.builder(URI.create("https://idp.example/token")).clientId("orders").build())
                .hasMessageContaining("client secret");
    }

    @Test
    void refreshMarginNotShorterThanMaxLifetime_isRefused() {
        assertThatThrownBy(() -> builder("https://idp.example/token").maxLifetime(Duration.ofSeconds(30)).build())
                .hasMessageStartingWith("ZT-7105");
        assertThat(builder("https://idp.example/token").maxLifetime(Duration.ofSeconds(31)).build()).isNotNull();
    }

    @Test
    void requestedLifetimeAboveTheMaximum_orWithinTheMargin_isRefusedBeforeAnyRequest() {
        TokenClient client = builder("https://idp.invalid/token").build();

        assertThatThrownBy(() -> client.token(TokenRequest.of("a").withLifetime(Duration.ofMinutes(6))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-7106");
        assertThatThrownBy(() -> client.token(TokenRequest.of("a").withLifetime(Duration.ofSeconds(20))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-7106");
    }

    @Test
    void toString_ofClientAndBuilder_neverShowsTheSecret() {
        TokenClient.Builder builder = builder("https://idp.example/token");

        assertThat(builder.toString()).doesNotContain(SECRET).contains("<redacted>");
        assertThat(builder.build().toString()).doesNotContain(SECRET).contains("clientId=orders");
    }

    @Test
    void fromEnvironment_withSecretFile_buildsTheClient() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), SECRET + "\n");
        Map<String, String> env = new HashMap<>(Map.of("ZT_TOKEN_ENDPOINT", "https://idp.example/token",
                "ZT_CLIENT_ID", "orders", "ZT_CLIENT_SECRET_FILE", file.toString(), "ZT_TOKEN_MAX_LIFETIME", "PT2M"));

        TokenClient client = TokenClient.fromEnvironment(env::get);

        assertThat(client.tokenEndpoint()).isEqualTo(URI.create("https://idp.example/token"));
        assertThat(client.clientId()).isEqualTo("orders");
        assertThat(client.maxLifetime()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void fromEnvironment_withSecretVariable_andDefaults_buildsTheClient() {
        Map<String, String> env = Map.of("ZT_TOKEN_ENDPOINT", "https://idp.example/token", "ZT_CLIENT_ID", "orders",
                "ZT_CLIENT_SECRET", SECRET);

        assertThat(TokenClient.fromEnvironment(env::get).maxLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fromEnvironment_missingVariable_isNamed() {
        Map<String, String> env = new HashMap<>(Map.of("ZT_TOKEN_ENDPOINT", "https://idp.example/token",
                "ZT_CLIENT_ID", "orders", "ZT_CLIENT_SECRET", SECRET));

        for (String name : new String[] {"ZT_TOKEN_ENDPOINT", "ZT_CLIENT_ID", "ZT_CLIENT_SECRET"}) {
            Map<String, String> without = new HashMap<>(env);
            without.remove(name);
            assertThatThrownBy(() -> TokenClient.fromEnvironment(without::get))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("ZT-7101")
                    .hasMessageContaining(name);
        }
    }

    @Test
    void fromEnvironment_bothSecretSources_isAmbiguous() {
        Map<String, String> env = Map.of("ZT_TOKEN_ENDPOINT", "https://idp.example/token", "ZT_CLIENT_ID", "orders",
                "ZT_CLIENT_SECRET", SECRET, "ZT_CLIENT_SECRET_FILE", "/run/secrets/x");

        assertThatThrownBy(() -> TokenClient.fromEnvironment(env::get)).hasMessageStartingWith("ZT-7104")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void fromEnvironment_plainHttp_needsTheExplicitSwitch() {
        Map<String, String> env = new HashMap<>(Map.of("ZT_TOKEN_ENDPOINT", "http://idp.example/token",
                "ZT_CLIENT_ID", "orders", "ZT_CLIENT_SECRET", SECRET));
        assertThatThrownBy(() -> TokenClient.fromEnvironment(env::get)).hasMessageStartingWith("ZT-7102");

        env.put("ZT_TOKEN_ALLOW_HTTP", "true");
        assertThat(TokenClient.fromEnvironment(env::get)).isNotNull();
    }

    @Test
    void fromEnvironment_badDuration_isNamed() {
        Map<String, String> env = Map.of("ZT_TOKEN_ENDPOINT", "https://idp.example/token", "ZT_CLIENT_ID", "orders",
                "ZT_CLIENT_SECRET", SECRET, "ZT_TOKEN_TIMEOUT", "5 seconds");

        assertThatThrownBy(() -> TokenClient.fromEnvironment(env::get)).hasMessageStartingWith("ZT-7105")
                .hasMessageContaining("ZT_TOKEN_TIMEOUT");
    }
}
