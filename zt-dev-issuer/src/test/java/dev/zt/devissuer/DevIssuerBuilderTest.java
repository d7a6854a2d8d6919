package dev.zt.devissuer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevIssuerBuilderTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "10.0.0.1"})
    void buildWhenHostNotLoopbackThenRefused(String host) {
        assertThatThrownBy(() -> DevIssuer.builder().host(host).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZT-8001")
                .hasMessageContaining("loopback only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
    void buildWhenHostLoopbackThenAccepted(String host) {
        DevIssuer issuer = DevIssuer.builder().host(host).build();

        assertThat(issuer.publishedKeyIds()).hasSize(2);
        assertThatThrownBy(issuer::issuerUri).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    }

    @Test
    void buildWhenOverlapShorterThanMaxTokenLifetimeThenRefused() {
        assertThatThrownBy(() -> DevIssuer.builder().maxTokenLifetime(Duration.ofMinutes(10)).keyOverlap(Duration.ofMinutes(9)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyOverlap");
        assertThat(DevIssuer.builder().maxTokenLifetime(Duration.ofMinutes(10)).keyOverlap(Duration.ofMinutes(10)).build())
                .isNotNull();
    }

    @Test
    void buildWhenLifetimeAboveOneHourThenRefused() {
        assertThatThrownBy(() -> DevIssuer.builder().maxTokenLifetime(Duration.ofMinutes(61)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTokenLifetime");
        assertThatThrownBy(() -> DevClient.withId("svc").audiences("api").tokenLifetime(Duration.ofMinutes(61)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenLifetime");
    }

    @Test
    void buildWhenClientOutlivesIssuerMaximumThenRefused() {
        DevClient client = DevClient.withId("svc").audiences("api").tokenLifetime(Duration.ofMinutes(30)).build();

        assertThatThrownBy(() -> DevIssuer.builder().maxTokenLifetime(Duration.ofMinutes(10)).client(client).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("svc");
    }

    @Test
    void buildWhenJwksMaxAgeNotShorterThanRotationThenRefused() {
        assertThatThrownBy(() -> DevIssuer.builder().rotationInterval(Duration.ofMinutes(1)).jwksMaxAge(Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwksMaxAge");
    }

    @Test
    void buildWhenClientRegisteredTwiceThenRefused() {
        DevClient client = DevClient.withId("svc").audiences("api").build();

        assertThatThrownBy(() -> DevIssuer.builder().client(client).client(client).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void clientSecretWhenBuiltThenRandomPerClientAndPerIssuer() {
        DevClient a = DevClient.withId("a").audiences("api").build();
        DevClient b = DevClient.withId("b").audiences("api").build();
        DevIssuer one = DevIssuer.builder().client(a).client(b).build();
        DevIssuer two = DevIssuer.builder().client(a).build();

        assertThat(one.clientSecret("a")).hasSize(43).matches("[A-Za-z0-9_-]+")
                .isNotEqualTo(one.clientSecret("b")).isNotEqualTo(two.clientSecret("a"));
        assertThatThrownBy(() -> one.clientSecret("c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void devClientWhenIdAudienceScopeOrTenantMalformedThenRefused() {
        assertThatThrownBy(() -> DevClient.withId("bad id").audiences("api").build()).hasMessageContaining("client id");
        assertThatThrownBy(() -> DevClient.withId("svc").build()).hasMessageContaining("audience");
        assertThatThrownBy(() -> DevClient.withId("svc").audiences("api").scopes("a\"b").build()).hasMessageContaining("scope");
        assertThatThrownBy(() -> DevClient.withId("svc").audiences("api").tenant("acme corp").build()).hasMessageContaining("tenant");
        DevClient ok = DevClient.withId("svc").audiences("api").scopes("a:b").tenant("acme").build();
        assertThat(ok.subjectTokenAudiences()).containsExactly("svc");
        assertThat(ok.tokenLifetime()).isEqualTo(DevIssuer.DEFAULT_TOKEN_LIFETIME);
    }

    @Test
    void curlExamplesWhenRenderedThenQuotedLinesForTwoTenantsWithoutTokens() {
        String lines = CurlExamples.render(java.net.URI.create("http://127.0.0.1:4000/dev/tokens"),
                java.net.URI.create("http://localhost:8080/api/orders"), "orders-service",
                List.of("orders:read", "orders:write"), "acme", "globex-2");

        assertThat(lines).contains("TOKEN_ACME=$(curl -sS -H 'Accept: text/plain'",
                "--data-urlencode 'tenant=acme'", "--data-urlencode 'tenant=globex-2'",
                "--data-urlencode 'scope=orders:read orders:write'", "--data-urlencode 'audience=orders-service'",
                "'http://127.0.0.1:4000/dev/tokens'",
                "curl -sS -H \"Authorization: Bearer $TOKEN_ACME\" 'http://localhost:8080/api/orders'",
                "curl -sS -H \"Authorization: Bearer $TOKEN_GLOBEX_2\" 'http://localhost:8080/api/orders'");
        assertThat(lines).doesNotContain("eyJ");
        assertThat(CurlExamples.quote("it's")).isEqualTo("'it'\\''s'");
        assertThatThrownBy(() -> CurlExamples.render(java.net.URI.create("http://127.0.0.1:4000/dev/tokens"),
                java.net.URI.create("http://localhost:8080/"), "orders-service", List.of(), "acme", "$(rm -rf ~)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    }
}
