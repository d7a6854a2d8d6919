package dev.zt.core.internal.keys;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Keys generated for the tests (never a real secret), and JWKS JSON built from them. */
final class TestKeys {

    private static final PublicJsonWebKey RSA_A = rsa(2048, "rsa-a");
    private static final PublicJsonWebKey RSA_B = rsa(2048, "rsa-b");

    private TestKeys() {
    }

    /** A 2048-bit RSA key pair (generated once per test run and shared: RSA generation is slow). */
    static PublicJsonWebKey rsaA() {
        return RSA_A;
    }

    static PublicJsonWebKey rsaB() {
        return RSA_B;
    }

    static PublicJsonWebKey rsa(int bits, String kid) {
        try {
            PublicJsonWebKey jwk = RsaJwkGenerator.generateJwk(bits);
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicJsonWebKey ec(String curve, String kid) {
        try {
            PublicJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.getSpec(curve));
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicJsonWebKey okp(String subtype, String kid) {
        try {
            PublicJsonWebKey jwk = OkpJwkGenerator.generateJwk(subtype);
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public members of {@code jwk}, as a mutable map, after {@code edit}. */
    static Map<String, Object> publicMembers(JsonWebKey jwk, Consumer<Map<String, Object>> edit) {
        Map<String, Object> members = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        edit.accept(members);
        return members;
    }

    static Map<String, Object> publicMembers(JsonWebKey jwk) {
        return publicMembers(jwk, members -> { });
    }

    @SafeVarargs
    static String jwks(Map<String, Object>... keys) {
        return "{\"keys\":[" + Arrays.stream(keys).map(JsonUtil::toJson).collect(Collectors.joining(",")) + "]}";
    }

    static String jwks(JsonWebKey... keys) {
        return "{\"keys\":[" + Arrays.stream(keys).map(TestKeys::publicMembers).map(JsonUtil::toJson)
                .collect(Collectors.joining(",")) + "]}";
    }
}
