package dev.zt.core.internal.keys;

import dev.zt.core.testing.MutableClock;
import static dev.zt.core.internal.keys.TestKeys.jwks;
import static dev.zt.core.internal.keys.TestKeys.publicMembers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the key sources log: each ignored JWK once per distinct load, by kid and reason, never key material. */
class KeyLoggingTest {

    private static final String HMAC_SECRET = "c2VjcmV0LWhtYWMta2V5LW5ldmVyLWxvZ2dlZC0xMjM0NTY3ODk";
    private static final Map<String, Object> HMAC = Map.of("kty", "oct", "kid", "hmac", "k", HMAC_SECRET);

    private final Logger logger = Logger.getLogger("dev.zt.core.keys");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(formatter.formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void fromJsonWhenKeysIgnoredThenEachLoggedOnceByKidAndReasonWithoutKeyMaterial() {
        Map<String, Object> privateRsa = TestKeys.rsaB().toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);

        Jwks.fromJson(jwks(HMAC, privateRsa, publicMembers(TestKeys.rsaA())));

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).startsWith("ZT-5001").contains("kid=hmac", "symmetric");
        assertThat(messages.get(1)).startsWith("ZT-5001").contains("kid=rsa-b", "private key");
        assertThat(String.join("\n", messages))
                .doesNotContain(HMAC_SECRET)
                .doesNotContain((String) privateRsa.get("d"))
                .doesNotContain((String) privateRsa.get("n"));
    }

    @Test
    void refreshWhenSameJwksAgainThenIgnoredKeysNotLoggedAgainAndWhenChangedThenLogged() throws Exception {
        MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
        try (JwksServer server = new JwksServer()) {
            server.serve(jwks(HMAC, publicMembers(TestKeys.rsaA()))).cacheControl("max-age=60");
            KeySource source = Jwks.fromUri(server.uri()).clock(clock).timeout(Duration.ofSeconds(3)).build();

            source.keysFor("rsa-a", "RS256");
            clock.advance(Duration.ofSeconds(60));
            source.keysFor("refresh", "RS256");
            assertThat(server.requests()).isEqualTo(2);
            assertThat(messages).filteredOn(m -> m.startsWith("ZT-5001")).hasSize(1);

            server.serve(jwks(publicMembers(TestKeys.rsaA(), m -> m.put("use", "enc")), publicMembers(TestKeys.rsaB())));
            clock.advance(Duration.ofSeconds(60));
            source.keysFor("rsa-b", "RS256");
            assertThat(server.requests()).isEqualTo(3);
            assertThat(messages).filteredOn(m -> m.startsWith("ZT-5001")).hasSize(2).last().asString()
                    .contains("kid=rsa-a", "use enc");
        }
    }

    @Test
    void ignoredKeyWhenKidHasControlCharactersThenLoggedPrintable() {
        Jwks.fromJson(jwks(Map.of("kty", "oct", "kid", "evil\n2026 ZT-0000 forged line", "k", HMAC_SECRET),
                publicMembers(TestKeys.rsaA())));

        assertThat(messages).singleElement().asString().contains("kid=evil?2026").doesNotContain("\n");
    }
}
