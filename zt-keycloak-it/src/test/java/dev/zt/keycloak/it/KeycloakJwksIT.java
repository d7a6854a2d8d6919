package dev.zt.keycloak.it;

import static dev.zt.keycloak.it.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenVerifier;
import dev.zt.core.VerificationKey;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keycloak publishes an encryption key ({@code use: enc}, RSA-OAEP) beside its signing key: zt must never verify with it. */
@ExtendWith(RealKeycloak.class)
class KeycloakJwksIT {

    private static Keycloak keycloak;
    private static TokenVerifier orders;
    private static Map<String, Object> encryptionKey;
    private static Map<String, Object> signingKey;

    @BeforeAll
    static void configure(Keycloak running) {
        keycloak = running;
        orders = ZtConfiguration.verifier(ZtConfiguration.acme(keycloak, Acme.ORDERS_SERVICE));
        List<Map<String, Object>> keys = keycloak.jwksKeys(Acme.REALM);
        encryptionKey = keys.stream().filter(k -> "enc".equals(k.get("use"))).findFirst().orElse(null);
        signingKey = keys.stream().filter(k -> "sig".equals(k.get("use"))).findFirst().orElse(null);
    }

    @Test
    void jwksWhenPublishedByKeycloakThenListsAnEncryptionKeyBesideTheSigningKey() {
        assertThat(encryptionKey).as("the realm's JWKS has a use=enc key").isNotNull()
                .containsEntry("kty", "RSA").containsEntry("alg", "RSA-OAEP").containsKey("kid");
        assertThat(signingKey).as("and a use=sig key").isNotNull().containsEntry("alg", "RS256");
        assertThat(encryptionKey.get("kid")).isNotEqualTo(signingKey.get("kid"));
    }

    @Test
    void encryptionKeyWhenLoadedByZtThenNeverSelectableForVerification() {
        KeySource keys = Jwks.fromUri(URI.create(keycloak.jwksUri(Acme.REALM))).build();
        String encKid = (String) encryptionKey.get("kid");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger keyLog = Logger.getLogger("dev.zt.core.keys");
        keyLog.addHandler(capture);
        try {
            for (String alg : List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")) {
                assertThat(keys.keysFor(encKid, alg)).as("enc key for %s", alg).isEmpty();
            }
        } finally {
            keyLog.removeHandler(capture);
        }
        assertThat(logged).as("zt says which key it ignored and why").anySatisfy(line -> assertThat(line)
                .contains("ZT-5001").contains(encKid).contains("use enc"));
        assertThat(keys.keysFor(null, "RS256")).as("without a kid, only the signing key").extracting(VerificationKey::keyId)
                .containsExactly((String) signingKey.get("kid"));
        assertThat(keys.keysFor((String) signingKey.get("kid"), "RS256")).as("positive control").hasSize(1);
    }

    @Test
    void tokenWhenHeaderNamesTheEncryptionKeyThenRefusedAsUnknownKey() {
        String token = keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, Acme.ALICE, Acme.ALICE_PASSWORD);
        Map<String, Object> header = new LinkedHashMap<>(Jwt.header(token));
        header.put("kid", encryptionKey.get("kid"));

        assertRefused(orders, Jwt.withHeader(token, header), RejectionReason.UNKNOWN_KEY);

        // Control: the same re-encoded header naming the signing key finds a key and only then fails the signature
        // (the header is signed), so the refusal above is the key selection's.
        header.put("kid", signingKey.get("kid"));
        assertRefused(orders, Jwt.withHeader(token, header), RejectionReason.BAD_SIGNATURE);
        assertThat(orders.verify(token).subject()).as("positive control: the token as issued").isEqualTo(Acme.ALICE_ID);
    }
}
