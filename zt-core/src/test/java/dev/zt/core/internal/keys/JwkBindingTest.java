package dev.zt.core.internal.keys;

import static dev.zt.core.internal.keys.TestKeys.jwks;
import static dev.zt.core.internal.keys.TestKeys.publicMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.VerificationKey;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwkBindingTest {

    private static final PublicJsonWebKey EC_P256 = TestKeys.ec("P-256", "ec-256");

    @Test
    void bindWhenRsaKeyWithoutAlgThenItAllowsEveryRsaAlgorithmUnderKidAndThumbprint() {
        TrustedKeySet set = JwkBinding.bind(jwks(TestKeys.rsaA()));

        assertThat(set.keys()).singleElement().satisfies(key -> {
            assertThat(key.keyId()).isEqualTo("rsa-a");
            assertThat(key.id()).isEqualTo("rsa-a:" + TestKeys.rsaA().calculateBase64urlEncodedThumbprint("SHA-256"));
            assertThat(key.publicKey()).isEqualTo(TestKeys.rsaA().getPublicKey());
            assertThat(key.algorithms()).containsExactlyInAnyOrder("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
        });
        assertThat(set.ignored()).isEmpty();
    }

    @Test
    void bindWhenAlgDeclaredThenOnlyThatAlgorithm() {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(TestKeys.rsaA(), m -> m.put("alg", "PS256"))));

        assertThat(set.keysFor("rsa-a", "PS256")).hasSize(1);
        assertThat(set.keysFor("rsa-a", "RS256")).isEmpty();
    }

    @Test
    void bindWhenEcAndOkpKeysThenCurveDecidesTheAlgorithm() {
        TrustedKeySet set = JwkBinding.bind(jwks(EC_P256, TestKeys.ec("P-384", "ec-384"), TestKeys.ec("P-521", "ec-521"),
                TestKeys.okp("Ed25519", "ed25519"), TestKeys.okp("Ed448", "ed448")));

        assertThat(set.ignored()).isEmpty();
        assertThat(set.keysFor("ec-256", "ES256")).hasSize(1);
        assertThat(set.keysFor("ec-384", "ES384")).hasSize(1);
        assertThat(set.keysFor("ec-521", "ES512")).hasSize(1);
        assertThat(set.keysFor("ec-256", "ES384")).isEmpty();
        assertThat(set.keysFor("ec-521", "ES256")).isEmpty();
        assertThat(set.keysFor("ed25519", "EdDSA")).hasSize(1);
        assertThat(set.keysFor("ed448", "EdDSA")).hasSize(1);
        assertThat(set.keysFor(null, "EdDSA")).extracting(VerificationKey::keyId).containsExactlyInAnyOrder("ed25519", "ed448");
    }

    @Test
    void bindWhenOkpKeyIsForKeyAgreementThenIgnored() {
        TrustedKeySet set = JwkBinding.bind(jwks(TestKeys.okp("X25519", "x25519"), TestKeys.okp("Ed25519", "ed")));

        assertThat(problems(set)).containsExactly(KeyProblem.UNSUPPORTED_CURVE);
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("ed");
    }

    @Test
    void bindWhenSymmetricKeyBesideRsaKeyThenOnlyTheRsaKeyIsBound() {
        Map<String, Object> oct = Map.of("kty", "oct", "kid", "hmac", "alg", "HS256",
                "k", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-P0A");
        TrustedKeySet set = JwkBinding.bind(jwks(oct, publicMembers(TestKeys.rsaA())));

        assertThat(problems(set)).containsExactly(KeyProblem.SYMMETRIC);
        assertThat(set.keysFor("hmac", "HS256")).isEmpty();
        assertThat(set.keysFor(null, "HS256")).isEmpty();
        assertThat(set.keysFor("rsa-a", "RS256")).hasSize(1);
    }

    @Test
    void bindWhenPrivateMembersArePublishedThenKeyIgnored() {
        Map<String, Object> withPrivate = TestKeys.rsaB().toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        TrustedKeySet set = JwkBinding.bind(jwks(withPrivate, publicMembers(TestKeys.rsaA())));

        assertThat(withPrivate).containsKey("d");
        assertThat(problems(set)).containsExactly(KeyProblem.PRIVATE_KEY_PUBLISHED);
        assertThat(set.hasKeyId("rsa-b")).isFalse();
        assertThat(set.hasKeyId("rsa-a")).isTrue();
    }

    @Test
    void bindWhenUseIsEncThenIgnoredAndWhenSigThenBound() {
        TrustedKeySet set = JwkBinding.bind(jwks(
                publicMembers(TestKeys.rsaA(), m -> { m.put("use", "enc"); m.put("alg", "RSA-OAEP"); }),
                publicMembers(TestKeys.rsaB(), m -> m.put("use", "sig"))));

        assertThat(problems(set)).containsExactly(KeyProblem.NOT_FOR_SIGNATURES);
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("rsa-b");
    }

    @Test
    void bindWhenKeyOpsLackVerifyThenIgnoredAndWhenTheyHaveItThenBound() {
        TrustedKeySet set = JwkBinding.bind(jwks(
                publicMembers(TestKeys.rsaA(), m -> m.put("key_ops", List.of("encrypt", "wrapKey"))),
                publicMembers(TestKeys.rsaB(), m -> m.put("key_ops", List.of("verify")))));

        assertThat(problems(set)).containsExactly(KeyProblem.NO_VERIFY_OPERATION);
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("rsa-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "HS256", "none", "EdDSA", "RSA-OAEP"})
    void bindWhenRsaKeyDeclaresAForeignAlgThenIgnored(String alg) {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(TestKeys.rsaA(), m -> m.put("alg", alg)),
                publicMembers(TestKeys.rsaB(), m -> m.put("alg", "RS256"))));

        assertThat(problems(set)).containsExactly(KeyProblem.ALGORITHM_MISMATCH);
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("rsa-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES384", "ES512", "RS256", "EdDSA", "ES256K"})
    void bindWhenP256KeyDeclaresAnotherAlgThenIgnored(String alg) {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(EC_P256, m -> m.put("alg", alg))));

        assertThat(problems(set)).containsExactly(KeyProblem.ALGORITHM_MISMATCH);
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void bindWhenEd25519KeyDeclaresEs256ThenIgnored() {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(TestKeys.okp("Ed25519", "ed"), m -> m.put("alg", "ES256"))));

        assertThat(problems(set)).containsExactly(KeyProblem.ALGORITHM_MISMATCH);
    }

    @Test
    void bindWhenRsaModulusShorterThan2048BitsThenIgnored() {
        TrustedKeySet set = JwkBinding.bind(jwks(TestKeys.rsa(1024, "short"), TestKeys.rsaA()));

        assertThat(problems(set)).containsExactly(KeyProblem.WEAK_RSA_MODULUS);
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("rsa-a");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 65536})
    void bindWhenRsaExponentIsOneOrEvenThenIgnored(int exponent) {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(TestKeys.rsaA(), m -> m.put("e", base64url(exponent)))));

        assertThat(problems(set)).containsExactly(KeyProblem.BAD_RSA_EXPONENT);
    }

    @Test
    void bindWhenRsaExponentIsThreeThenBound() {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(TestKeys.rsaA(), m -> m.put("e", base64url(3)))));

        assertThat(set.keys()).hasSize(1);
    }

    @Test
    void rocaFingerprintWhenGeneratedModulusThenAbsent() {
        assertThat(KeyStrength.hasRocaFingerprint(((java.security.interfaces.RSAPublicKey) TestKeys.rsaA().getPublicKey()).getModulus())).isFalse();
        assertThat(KeyStrength.hasRocaFingerprint(((java.security.interfaces.RSAPublicKey) TestKeys.rsaB().getPublicKey()).getModulus())).isFalse();
        // 65537^k mod small primes: every power of 65537 itself carries the fingerprint (positive control)
        assertThat(KeyStrength.hasRocaFingerprint(BigInteger.valueOf(65537).pow(40))).isTrue();
    }

    @Test
    void bindWhenEcPointIsNotOnTheCurveThenIgnored() {
        BigInteger y = new BigInteger(1, Base64Url.decode((String) publicMembers(EC_P256).get("y")));
        String otherY = Base64Url.encode(toFixedLength(y.add(BigInteger.ONE), 32));
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(EC_P256, m -> m.put("y", otherY))));

        assertThat(problems(set)).containsExactly(KeyProblem.POINT_NOT_ON_CURVE);
    }

    @Test
    void bindWhenEcPointIsDeclaredOnAnotherCurveThenIgnored() {
        TrustedKeySet set = JwkBinding.bind(jwks(publicMembers(EC_P256, m -> m.put("crv", "P-384"))));

        assertThat(set.isEmpty()).isTrue();
        assertThat(problems(set)).containsAnyOf(KeyProblem.POINT_NOT_ON_CURVE, KeyProblem.MALFORMED);
    }

    @Test
    void bindWhenKeyMaterialIsGarbledOrMissingThenIgnoredAndTheOthersStay() {
        TrustedKeySet set = JwkBinding.bind(jwks(
                publicMembers(TestKeys.rsaA(), m -> m.put("n", "")),
                publicMembers(TestKeys.rsaB(), m -> m.remove("n")),
                publicMembers(EC_P256, m -> m.put("x", "!!not base64url!!")),
                Map.of("kty", "EC", "kid", "no-curve", "x", "AA", "y", "AA"),
                Map.of("kty", "RSA", "kid", 42, "n", "AQAB", "e", "AQAB"),
                publicMembers(TestKeys.okp("Ed25519", "ed"))));

        // jose4j decodes base64url leniently: the garbled x yields some number, then no point of P-256
        assertThat(problems(set)).containsExactly(KeyProblem.MALFORMED, KeyProblem.MALFORMED,
                KeyProblem.POINT_NOT_ON_CURVE, KeyProblem.MALFORMED, KeyProblem.MALFORMED);
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("ed");
    }

    @Test
    void bindWhenEntryIsNotAnObjectOrKtyUnknownThenIgnored() {
        String json = "{\"keys\":[\"a string\", 7, {\"kty\":\"XYZ\",\"kid\":\"x\"}, {\"kid\":\"nokty\"}, "
                + JsonUtil.toJson(publicMembers(TestKeys.rsaA())) + "]}";
        TrustedKeySet set = JwkBinding.bind(json);

        assertThat(problems(set)).containsExactly(KeyProblem.MALFORMED, KeyProblem.MALFORMED,
                KeyProblem.UNSUPPORTED_TYPE, KeyProblem.UNSUPPORTED_TYPE);
        assertThat(set.keys()).hasSize(1);
    }

    @Test
    void bindWhenTwoKeysShareAKidThenBothIgnoredAndTheOthersStay() {
        TrustedKeySet set = JwkBinding.bind(jwks(
                publicMembers(TestKeys.rsaA(), m -> m.put("kid", "shared")),
                publicMembers(TestKeys.rsaB(), m -> m.put("kid", "shared")),
                publicMembers(EC_P256)));

        assertThat(problems(set)).containsExactly(KeyProblem.DUPLICATE_KID, KeyProblem.DUPLICATE_KID);
        assertThat(set.keysFor("shared", "RS256")).isEmpty();
        assertThat(set.keysFor(null, "RS256")).isEmpty();
        assertThat(set.keys()).extracting(VerificationKey::keyId).containsExactly("ec-256");
    }

    @Test
    void bindWhenSameJwksTwiceThenSameIdentitiesAndWhenKidReusedForAnotherKeyThenAnotherIdentity() {
        VerificationKey first = JwkBinding.bind(jwks(TestKeys.rsaA())).keys().get(0);
        VerificationKey again = JwkBinding.bind(jwks(TestKeys.rsaA())).keys().get(0);
        VerificationKey reused = JwkBinding.bind(jwks(publicMembers(TestKeys.rsaB(), m -> m.put("kid", "rsa-a"))))
                .keys().get(0);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again).isEqualTo(first);
        assertThat(reused.keyId()).isEqualTo(first.keyId());
        assertThat(reused.id()).isNotEqualTo(first.id());
    }

    @Test
    void trustsWhenKeyForgedUnderATrustedIdThenFalse() {
        TrustedKeySet set = JwkBinding.bind(jwks(TestKeys.rsaA()));
        VerificationKey trusted = set.keys().get(0);
        VerificationKey forged = new VerificationKey(trusted.id(), trusted.keyId(), TestKeys.rsaB().getPublicKey(),
                trusted.algorithms());

        assertThat(set.trusts(trusted)).isTrue();
        assertThat(set.trusts(forged)).isFalse();
    }

    @Test
    void keysForWhenNoKidThenEveryKeyAllowingTheAlgAndWhenKidThenAtMostThatKey() {
        TrustedKeySet set = JwkBinding.bind(jwks(TestKeys.rsaA(), TestKeys.rsaB(), EC_P256));

        assertThat(set.keysFor(null, "RS256")).extracting(VerificationKey::keyId).containsExactlyInAnyOrder("rsa-a", "rsa-b");
        assertThat(set.keysFor("rsa-a", "RS256")).extracting(VerificationKey::keyId).containsExactly("rsa-a");
        assertThat(set.keysFor("rsa-a", "ES256")).isEmpty();
        assertThat(set.keysFor("unknown", "RS256")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"keys\":{}}", "{\"keys\":\"x\"}", ""})
    void bindWhenNotAJwksThenIllegalArgument(String json) {
        assertThatThrownBy(() -> JwkBinding.bind(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZT-5010 not a JWKS");
    }

    @Test
    void bindWhenEmptyKeysArrayThenEmptySet() {
        assertThat(JwkBinding.bind("{\"keys\":[]}").isEmpty()).isTrue();
    }

    private static List<KeyProblem> problems(TrustedKeySet set) {
        return set.ignored().stream().map(IgnoredKey::problem).toList();
    }

    private static String base64url(int value) {
        return Base64Url.encode(BigInteger.valueOf(value).toByteArray()[0] == 0
                ? java.util.Arrays.copyOfRange(BigInteger.valueOf(value).toByteArray(), 1, BigInteger.valueOf(value).toByteArray().length)
                : BigInteger.valueOf(value).toByteArray());
    }

    private static byte[] toFixedLength(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, fixed, length - copy, copy);
        return fixed;
    }
}
