package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwksTest {

    private static final PublicJsonWebKey EC_A = ec("ec-a");
    private static final PublicJsonWebKey EC_B = ec("ec-b");
    private static final String HMAC_ONLY =
            "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"alg\":\"HS256\",\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]}";

    @Test
    void fromJsonWhenJwksThenItsKeysAreTrusted() {
        KeySource source = Jwks.fromJson(jwks(EC_A));

        assertThat(source.keysFor("ec-a", "ES256")).singleElement()
                .satisfies(key -> assertThat(source.isTrusted(key)).isTrue());
        assertThat(source.keysFor("ec-a", "HS256")).isEmpty();
        assertThat(source.keysFor("ec-b", "ES256")).isEmpty();
    }

    @Test
    void fromJsonWhenOnlySymmetricKeysThenRefusedNamingTheProblem() {
        assertThatThrownBy(() -> Jwks.fromJson(HMAC_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZT-5011")
                .hasMessageContaining("kid=h")
                .hasMessageContaining("symmetric");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "{}", "{\"keys\":null}", "[{\"kty\":\"EC\"}]"})
    void fromJsonWhenNotAJwksThenRefused(String json) {
        assertThatThrownBy(() -> Jwks.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZT-5010");
    }

    @Test
    void fromJsonWhenNullThenRefused() {
        assertThatThrownBy(() -> Jwks.fromJson(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isTrustedWhenKeyOfAnotherSourceThenFalse() {
        KeySource a = Jwks.fromJson(jwks(EC_A));
        KeySource b = Jwks.fromJson(jwks(EC_B));

        assertThat(a.isTrusted(b.keysFor("ec-b", "ES256").get(0))).isFalse();
        assertThat(a.isTrusted(a.keysFor("ec-a", "ES256").get(0))).isTrue();
    }

    @Test
    void fromFileWhenJwksFileThenReadOnceAtBuild(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, jwks(EC_A));

        KeySource source = Jwks.fromFile(file);
        Files.writeString(file, jwks(EC_B));

        assertThat(source.keysFor("ec-a", "ES256")).hasSize(1);
        assertThat(source.keysFor("ec-b", "ES256")).isEmpty();
    }

    @Test
    void fromFileWhenMissingOrWithoutUsableKeyThenRefused(@TempDir Path dir) throws Exception {
        Path hmac = dir.resolve("hmac.json");
        Files.writeString(hmac, HMAC_ONLY);

        assertThatThrownBy(() -> Jwks.fromFile(dir.resolve("missing.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-5012");
        assertThatThrownBy(() -> Jwks.fromFile(hmac))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-5011");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://idp.example.com/jwks", "http://localhost:8080/jwks", "http://127.0.0.1/jwks",
        "http://127.8.9.10/jwks", "http://[::1]:9000/jwks"})
    void fromUriWhenHttpsOrLoopbackHttpThenBuilt(String uri) {
        assertThatCode(() -> Jwks.fromUri(URI.create(uri)).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://idp.example.com/jwks", "http://10.0.0.1/jwks", "http://localhost.evil.example/jwks",
        "http://127.0.0.1.nip.io/jwks", "http://[::2]/jwks"})
    void fromUriWhenPlainHttpToNonLoopbackHostThenRefusedUnlessAllowed(String uri) {
        assertThatThrownBy(() -> Jwks.fromUri(URI.create(uri)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-5022");
        assertThatCode(() -> Jwks.fromUri(URI.create(uri)).allowInsecureHttp(true).build())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://idp.example.com/jwks", "file:///etc/jwks.json", "/relative/jwks",
        "https://user:secret@idp.example.com/jwks"})
    void fromUriWhenNotAnHttpsUriWithHostThenRefused(String uri) {
        assertThatThrownBy(() -> Jwks.fromUri(URI.create(uri)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-5021")
                .message().doesNotContain("secret");
    }

    @Test
    void fromUriWhenNullThenRefused() {
        assertThatThrownBy(() -> Jwks.fromUri(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("URI");
    }

    @Test
    void fromUriWhenDurationsOrLimitsAreWrongThenRefusedNamingTheSetting() {
        assertRefused(b -> b.timeout(Duration.ZERO), "timeout");
        assertRefused(b -> b.minRefreshInterval(Duration.ofSeconds(-1)), "minRefreshInterval");
        assertRefused(b -> b.defaultCacheDuration(Duration.ZERO), "defaultCacheDuration");
        assertRefused(b -> b.minCacheDuration(Duration.ZERO), "minCacheDuration");
        assertRefused(b -> b.maxCacheDuration(Duration.ofSeconds(-5)), "maxCacheDuration");
        assertRefused(b -> b.maxStaleness(Duration.ofSeconds(-1)), "maxStaleness");
        assertRefused(b -> b.minCacheDuration(Duration.ofHours(2)).maxCacheDuration(Duration.ofHours(1)), "minCacheDuration");
        assertRefused(b -> b.defaultCacheDuration(Duration.ofSeconds(10)), "defaultCacheDuration");
        assertRefused(b -> b.maxResponseBytes(0), "maxResponseBytes");
        assertThatThrownBy(() -> Jwks.fromUri(URI.create("https://idp.example.com/jwks")).timeout(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
        assertThatCode(() -> Jwks.fromUri(URI.create("https://idp.example.com/jwks")).maxStaleness(Duration.ZERO).build())
                .doesNotThrowAnyException();
    }

    private static void assertRefused(UnaryOperator<Jwks.Builder> setting, String named) {
        assertThatThrownBy(() -> setting.apply(Jwks.fromUri(URI.create("https://idp.example.com/jwks"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZT-5020")
                .hasMessageContaining(named);
    }

    private static String jwks(PublicJsonWebKey key) {
        return "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    private static PublicJsonWebKey ec(String kid) {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
