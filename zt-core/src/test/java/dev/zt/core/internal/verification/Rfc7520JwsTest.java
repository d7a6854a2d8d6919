package dev.zt.core.internal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/**
 * The signed examples of RFC 7520 (the JOSE cookbook, public domain; copied with its LICENSE into
 * test resources) through zt's signature layer, verified with the published public keys.
 */
class Rfc7520JwsTest {

    @Test
    void rsaV15SignatureCompactVerifies() throws Exception {
        assertThat(WycheproofJwsTest.accepts(compact("4_1.rsa_v15_signature.json"), publicKey("3_3.rsa_public_key.json", "RS256"))).isTrue();
    }

    @Test
    void rsaPssSignatureCompactVerifies() throws Exception {
        assertThat(WycheproofJwsTest.accepts(compact("4_2.rsa-pss_signature.json"), publicKey("3_3.rsa_public_key.json", "PS384"))).isTrue();
    }

    @Test
    void ecdsaP521SignatureCompactVerifies() throws Exception {
        assertThat(WycheproofJwsTest.accepts(compact("4_3.ecdsa_signature.json"), publicKey("3_1.ec_public_key.json", "ES512"))).isTrue();
    }

    @Test
    void rsaV15SignatureWithModifiedPayloadFails() throws Exception {
        String[] parts = compact("4_1.rsa_v15_signature.json").split("\\.");
        String tampered = parts[0] + "." + parts[1].replace('A', 'B') + "." + parts[2];
        assertThat(WycheproofJwsTest.accepts(tampered, publicKey("3_3.rsa_public_key.json", "RS256"))).isFalse();
    }

    @Test
    void hmacSignatureNeverVerifiesAgainstAJwks() throws Exception {
        Map<String, Object> hmacKey = json("/testdata/rfc7520/jwk/3_5.symmetric_key_mac_computation.json");
        assertThat(WycheproofJwsTest.accepts(compact("4_4.hmac-sha2_integrity_protection.json"), hmacKey)).isFalse();
    }

    @Test
    void detachedContentIsNotAcceptedAsAnEmptyPayload() throws Exception {
        assertThat(WycheproofJwsTest.accepts(compact("4_5.signature_with_detached_content.json"),
                json("/testdata/rfc7520/jwk/3_5.symmetric_key_mac_computation.json"))).isFalse();
        // and an RSA signature over a payload, presented with the payload removed, fails
        String[] parts = compact("4_1.rsa_v15_signature.json").split("\\.");
        assertThat(WycheproofJwsTest.accepts(parts[0] + ".." + parts[2], publicKey("3_3.rsa_public_key.json", "RS256"))).isFalse();
    }

    @Test
    void jsonSerializationIsRefused() throws Exception {
        Map<String, Object> example = json("/testdata/rfc7520/jws/4_1.rsa_v15_signature.json");
        String flattened = JsonUtil.toJson(cast(cast(example.get("output")).get("json_flat")));
        assertThat(WycheproofJwsTest.accepts(flattened, publicKey("3_3.rsa_public_key.json", "RS256"))).isFalse();
    }

    private static String compact(String example) throws Exception {
        return (String) cast(json("/testdata/rfc7520/jws/" + example).get("output")).get("compact");
    }

    private static Map<String, Object> publicKey(String file, String alg) throws Exception {
        Map<String, Object> jwk = json("/testdata/rfc7520/jwk/" + file);
        jwk.put("alg", alg);
        return jwk;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> json(String resource) throws Exception {
        try (InputStream in = Rfc7520JwsTest.class.getResourceAsStream(resource)) {
            return JsonUtil.parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
