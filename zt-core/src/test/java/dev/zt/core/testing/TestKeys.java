package dev.zt.core.testing;

import dev.zt.core.VerificationKey;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Signing keys generated for this test JVM (never committed, never real). Each has a kid and is
 * published with a declared {@code alg} and {@code use: sig}.
 */
public final class TestKeys {

    /** One test key: its kid, algorithm and key pair. */
    public record TestKey(String kid, String algorithm, PublicJsonWebKey jwk) {
        public PrivateKey privateKey() {
            return jwk.getPrivateKey();
        }

        public PublicKey publicKey() {
            return jwk.getPublicKey();
        }

        public KeyPair keyPair() {
            return new KeyPair(jwk.getPublicKey(), jwk.getPrivateKey());
        }

        /** The public JWK as published in a JWKS. */
        public Map<String, Object> publicJwk() {
            Map<String, Object> params = new LinkedHashMap<>(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            params.put("kid", kid);
            params.put("alg", algorithm);
            params.put("use", "sig");
            return params;
        }

        public VerificationKey verificationKey() {
            return new VerificationKey(kid + ":test", kid, publicKey(), Set.of(algorithm));
        }
    }

    public static final TestKey RS256 = rsa("rs-1", "RS256");
    public static final TestKey PS256 = rsa("ps-1", "PS256");
    public static final TestKey ES256 = ec("es-1");
    public static final TestKey EDDSA = ed("ed-1");
    /** Not published in {@link #jwks()}: a key the verifier does not trust. */
    public static final TestKey UNTRUSTED_RS256 = rsa("rs-1", "RS256");
    /** A second RSA key, for rotation tests; not in {@link #jwks()}. */
    public static final TestKey NEXT_RS256 = rsa("rs-2", "RS256");

    private TestKeys() {
    }

    /** The JWKS that trusts RS256, PS256, ES256 and EDDSA (not the untrusted or next key). */
    public static String jwks() {
        return jwksOf(RS256, PS256, ES256, EDDSA);
    }

    public static String jwksOf(TestKey... keys) {
        List<Object> list = new ArrayList<>();
        for (TestKey key : keys) {
            list.add(key.publicJwk());
        }
        return JsonUtil.toJson(Map.of("keys", list));
    }

    private static TestKey rsa(String kid, String alg) {
        try {
            return new TestKey(kid, alg, RsaJwkGenerator.generateJwk(2048));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestKey ec(String kid) {
        try {
            return new TestKey(kid, "ES256", EcJwkGenerator.generateJwk(EllipticCurves.P256));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestKey ed(String kid) {
        try {
            return new TestKey(kid, "EdDSA", OkpJwkGenerator.generateJwk("Ed25519"));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
