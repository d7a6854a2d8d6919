package dev.zt.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.VerificationKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Wycheproof JWK vectors (C2SP, Apache-2.0, {@code keys/wycheproof/}): each key set goes
 * through {@link JwkBinding}, the key is selected by the JWS header's kid and alg through a
 * {@link StaticKeySource}, and jose4j checks the signature with that key and that alg only.
 * Every vector's outcome, and for a rejection the {@link KeyProblem} that caused it, is stated.
 *
 * <p><b>Policy overrides (documented, not skipped).</b> tcIds 2, 13, 14 and 15 are labelled valid:
 * they are HS256/384/512 tokens over symmetric ({@code kty: oct}) key sets, valid for a general JWK
 * library. zt never trusts a symmetric key from a key set (a JWKS is public material; an HMAC
 * "verification" key is also a signing key), so for zt they are rejected with
 * {@link KeyProblem#SYMMETRIC}. tcId 5, the only valid asymmetric vector, is accepted.
 */
class WycheproofJwkVectorsTest {

    enum Outcome { ACCEPTED, NO_USABLE_KEY, NO_MATCHING_KEY, BAD_SIGNATURE }

    private record Expected(Outcome outcome, KeyProblem because) {
    }

    private record Vector(int tcId, String comment, String result, String keySetJson, String jws) {
        @Override
        public String toString() {
            return "tcId " + tcId + " " + comment + " (" + result + ")";
        }
    }

    private static final Map<Integer, Expected> EXPECTED = Map.ofEntries(
            // jws_mixedSymmetryKeyset: the HS256 token's kid names the oct key, which is never bound
            Map.entry(1, new Expected(Outcome.NO_MATCHING_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(2, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)), // labelled valid: policy override
            Map.entry(3, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(4, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(5, new Expected(Outcome.ACCEPTED, null)),
            Map.entry(6, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.NOT_FOR_SIGNATURES)),
            Map.entry(7, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.ROCA_VULNERABLE)),
            Map.entry(8, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.WEAK_RSA_MODULUS)),
            Map.entry(9, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.BAD_RSA_EXPONENT)),
            Map.entry(10, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(11, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(12, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(13, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)), // labelled valid: policy override
            Map.entry(14, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)), // labelled valid: policy override
            Map.entry(15, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)), // labelled valid: policy override
            Map.entry(16, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(17, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(18, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(19, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.ALGORITHM_MISMATCH)), // ES521 on P-256
            Map.entry(20, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.ALGORITHM_MISMATCH)), // ES224 on P-256
            Map.entry(21, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.NOT_FOR_SIGNATURES)),
            Map.entry(22, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.POINT_NOT_ON_CURVE)),
            Map.entry(23, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.POINT_NOT_ON_CURVE)), // P-256 point as P-384
            Map.entry(24, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.MALFORMED)), // EC members under kty RSA
            Map.entry(25, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)),
            Map.entry(26, new Expected(Outcome.NO_USABLE_KEY, KeyProblem.SYMMETRIC)));

    static Stream<Arguments> vectors() throws IOException, JoseException {
        return loadVectors().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifyWhenWycheproofVectorThenOutcomeAndReasonAsStated(Vector vector) throws JoseException {
        Expected expected = EXPECTED.get(vector.tcId());
        assertThat(expected).as("every vector has a stated outcome").isNotNull();

        TrustedKeySet bound = JwkBinding.bind(vector.keySetJson());
        Outcome outcome = verify(vector, bound);

        assertThat(outcome).isEqualTo(expected.outcome());
        if (expected.because() != null) {
            assertThat(bound.ignored()).extracting(IgnoredKey::problem).contains(expected.because());
        }
        if (vector.result().equals("invalid")) {
            assertThat(outcome).isNotEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void vectorsWhenLoadedThenAll26ArePresentAndStated() throws IOException, JoseException {
        assertThat(loadVectors()).extracting(Vector::tcId).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    /** Positive control of the signature step: the one valid asymmetric token, one bit of its signature flipped. */
    @Test
    void verifyWhenValidRsaVectorSignatureAlteredThenBadSignature() throws IOException, JoseException {
        Vector valid = loadVectors().stream().filter(v -> v.tcId() == 5).findFirst().orElseThrow();
        String[] parts = valid.jws().split("\\.");
        byte[] signature = Base64Url.decode(parts[2]);
        signature[signature.length / 2] ^= 1;
        Vector altered = new Vector(5, "altered", "invalid", valid.keySetJson(),
                parts[0] + "." + parts[1] + "." + Base64Url.encode(signature));

        assertThat(verify(valid, JwkBinding.bind(valid.keySetJson()))).isEqualTo(Outcome.ACCEPTED);
        assertThat(verify(altered, JwkBinding.bind(altered.keySetJson()))).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void staticSourceWhenVectorKeySetHasNoUsableKeyThenRefusedAtBuild() throws IOException, JoseException {
        Vector roca = loadVectors().stream().filter(v -> v.tcId() == 7).findFirst().orElseThrow();

        assertThatThrownBy(() -> StaticKeySource.of(roca.keySetJson(), "tc 7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZT-5011").hasMessageContaining("ROCA");
    }

    private static Outcome verify(Vector vector, TrustedKeySet bound) throws JoseException {
        if (bound.isEmpty()) {
            return Outcome.NO_USABLE_KEY;
        }
        StaticKeySource source = StaticKeySource.of(vector.keySetJson(), "tc " + vector.tcId());
        Map<String, Object> header = JsonUtil.parseJson(
                new String(Base64Url.decode(vector.jws().split("\\.")[0]), StandardCharsets.UTF_8));
        String alg = (String) header.get("alg");
        List<VerificationKey> keys = source.keysFor((String) header.get("kid"), alg);
        if (keys.isEmpty()) {
            return Outcome.NO_MATCHING_KEY;
        }
        for (VerificationKey key : keys) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
            jws.setCompactSerialization(vector.jws());
            jws.setKey(key.publicKey());
            if (jws.verifySignature()) {
                return Outcome.ACCEPTED;
            }
        }
        return Outcome.BAD_SIGNATURE;
    }

    @SuppressWarnings("unchecked")
    private static List<Vector> loadVectors() throws IOException, JoseException {
        String json;
        try (InputStream in = WycheproofJwkVectorsTest.class.getResourceAsStream("/keys/wycheproof/json_web_key_test.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> vectors = new ArrayList<>();
        for (Object group : (List<Object>) JsonUtil.parseJson(json).get("testGroups")) {
            Map<String, Object> g = (Map<String, Object>) group;
            Object keySet = g.containsKey("public") ? g.get("public") : g.get("private");
            String keySetJson = JsonUtil.toJson((Map<String, Object>) keySet);
            for (Object test : (List<Object>) g.get("tests")) {
                Map<String, Object> t = (Map<String, Object>) test;
                vectors.add(new Vector(((Number) t.get("tcId")).intValue(), (String) t.get("comment"),
                        (String) t.get("result"), keySetJson, (String) t.get("jws")));
            }
        }
        return vectors;
    }
}
