package dev.zt.core.internal.keys;

import dev.zt.core.VerificationKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The rules that turn a JWKS into trusted verification keys, the same for every source. A JWK is
 * bound only if it is a public asymmetric signing key of sound material whose declared {@code alg}
 * fits it; every other JWK is ignored with a {@link KeyProblem}, and one bad JWK never affects the
 * others. A JWK that carries private members is ignored (not stripped): a published private key
 * is a compromised key. JWKs sharing a {@code kid} are all ignored, whatever else is wrong with them.
 */
public final class JwkBinding {

    static final Set<String> RSA_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static final Map<String, String> EC_ALGORITHM_BY_CURVE =
            Map.of("P-256", "ES256", "P-384", "ES384", "P-521", "ES512");
    private static final Set<String> EDDSA_CURVES = Set.of("Ed25519", "Ed448");
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private JwkBinding() {
    }

    /**
     * @throws IllegalArgumentException if {@code jwksJson} is not a JSON object with a {@code keys} array;
     *                                  a JWKS whose keys are all ignored is returned empty, not refused
     */
    public static TrustedKeySet bind(String jwksJson) {
        Map<String, Object> root;
        try {
            root = JsonUtil.parseJson(jwksJson);
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("ZT-5010 not a JWKS: not a JSON object (" + e.getMessage() + ")");
        }
        if (root == null || !(root.get("keys") instanceof List<?> entries)) {
            throw new IllegalArgumentException("ZT-5010 not a JWKS: no \"keys\" array (RFC 7517 section 5)");
        }
        Map<String, Integer> kidCounts = new HashMap<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> jwk && jwk.get("kid") instanceof String kid) {
                kidCounts.merge(kid, 1, Integer::sum);
            }
        }
        List<VerificationKey> keys = new ArrayList<>();
        List<IgnoredKey> ignored = new ArrayList<>();
        for (Object entry : entries) {
            Object outcome = bindOne(entry);
            if (outcome instanceof VerificationKey key && key.keyId() != null && kidCounts.get(key.keyId()) > 1) {
                ignored.add(new IgnoredKey(key.keyId(), KeyProblem.DUPLICATE_KID, kidCounts.get(key.keyId()) + " JWKs"));
            } else if (outcome instanceof VerificationKey key) {
                keys.add(key);
            } else {
                ignored.add((IgnoredKey) outcome);
            }
        }
        return new TrustedKeySet(keys, ignored);
    }

    /** @return a {@link VerificationKey} or an {@link IgnoredKey} */
    @SuppressWarnings("unchecked")
    private static Object bindOne(Object entry) {
        if (!(entry instanceof Map<?, ?> members)) {
            return new IgnoredKey(null, KeyProblem.MALFORMED, "not a JSON object");
        }
        Map<String, Object> jwk = (Map<String, Object>) members;
        Object kidMember = jwk.get("kid");
        String kid = kidMember instanceof String s ? s : null;
        Optional<IgnoredKey> problem = memberProblem(kid, kidMember, jwk);
        if (problem.isPresent()) {
            return problem.get();
        }
        if ("RSA".equals(jwk.get("kty"))) {
            Optional<IgnoredKey> exponent = KeyStrength.rsaExponentMemberProblem(kid, jwk.get("e"));
            if (exponent.isPresent()) {
                return exponent.get();
            }
        }
        PublicJsonWebKey parsed;
        try {
            parsed = (PublicJsonWebKey) JsonWebKey.Factory.newJwk(jwk);
        } catch (JoseException | RuntimeException e) {
            return new IgnoredKey(kid, KeyProblem.MALFORMED, "unparsable key material");
        }
        if (parsed.getPublicKey() == null) {
            return new IgnoredKey(kid, KeyProblem.MALFORMED, "no public key");
        }
        Object allowed = allowedAlgorithms(kid, parsed);
        if (allowed instanceof IgnoredKey ignored) {
            return ignored;
        }
        Set<String> algorithms = (Set<String>) allowed;
        String alg = (String) jwk.get("alg");
        if (alg != null && !algorithms.contains(alg)) {
            return new IgnoredKey(kid, KeyProblem.ALGORITHM_MISMATCH, "alg " + alg + " for " + describe(parsed));
        }
        String thumbprint = parsed.calculateBase64urlEncodedThumbprint("SHA-256");
        return new VerificationKey((kid == null ? "" : kid) + ":" + thumbprint, kid, parsed.getPublicKey(),
                alg == null ? algorithms : Set.of(alg));
    }

    private static Optional<IgnoredKey> memberProblem(String kid, Object kidMember, Map<String, Object> jwk) {
        Object kty = jwk.get("kty");
        Object use = jwk.get("use");
        Object keyOps = jwk.get("key_ops");
        Object alg = jwk.get("alg");
        if (kidMember != null && kid == null) {
            return ignore(null, KeyProblem.MALFORMED, "kid is not a string");
        }
        if ("oct".equals(kty)) {
            return ignore(kid, KeyProblem.SYMMETRIC, "");
        }
        if (!"RSA".equals(kty) && !"EC".equals(kty) && !"OKP".equals(kty)) {
            return ignore(kid, KeyProblem.UNSUPPORTED_TYPE, "kty " + kty);
        }
        if (use != null && !"sig".equals(use)) {
            return ignore(kid, KeyProblem.NOT_FOR_SIGNATURES, "use " + use);
        }
        if (keyOps != null && !(keyOps instanceof List<?> ops && ops.contains("verify"))) {
            return ignore(kid, KeyProblem.NO_VERIFY_OPERATION, "key_ops " + keyOps);
        }
        if (alg != null && !(alg instanceof String)) {
            return ignore(kid, KeyProblem.MALFORMED, "alg is not a string");
        }
        if (jwk.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains)) {
            return ignore(kid, KeyProblem.PRIVATE_KEY_PUBLISHED, "");
        }
        return Optional.empty();
    }

    /** @return the algorithms the key's type and curve allow, or an {@link IgnoredKey} */
    private static Object allowedAlgorithms(String kid, PublicJsonWebKey jwk) {
        if (jwk instanceof RsaJsonWebKey rsa) {
            Optional<IgnoredKey> weak = KeyStrength.rsaProblem(kid, rsa.getRsaPublicKey());
            return weak.isPresent() ? weak.get() : RSA_ALGORITHMS;
        }
        if (jwk instanceof EllipticCurveJsonWebKey ec) {
            String alg = EC_ALGORITHM_BY_CURVE.get(ec.getCurveName());
            if (alg == null) {
                return new IgnoredKey(kid, KeyProblem.UNSUPPORTED_CURVE, "crv " + ec.getCurveName());
            }
            if (!KeyStrength.isOnCurve((ECPublicKey) ec.getPublicKey())) {
                return new IgnoredKey(kid, KeyProblem.POINT_NOT_ON_CURVE, "crv " + ec.getCurveName());
            }
            return Set.of(alg);
        }
        if (jwk instanceof OctetKeyPairJsonWebKey okp && EDDSA_CURVES.contains(okp.getSubtype())) {
            return Set.of("EdDSA");
        }
        return new IgnoredKey(kid, KeyProblem.UNSUPPORTED_CURVE, describe(jwk));
    }

    private static String describe(PublicJsonWebKey jwk) {
        if (jwk instanceof EllipticCurveJsonWebKey ec) {
            return "EC " + ec.getCurveName();
        }
        if (jwk instanceof OctetKeyPairJsonWebKey okp) {
            return "OKP " + okp.getSubtype();
        }
        if (jwk instanceof RsaJsonWebKey rsa) {
            return "RSA " + rsa.getRsaPublicKey().getModulus().bitLength() + " bits";
        }
        return jwk.getKeyType();
    }

    private static Optional<IgnoredKey> ignore(String kid, KeyProblem problem, String detail) {
        return Optional.of(new IgnoredKey(kid, problem, detail));
    }
}
