package dev.zt.core.internal.keys;

/** Why a JWK of a key set was not bound to a {@link dev.zt.core.VerificationKey}. */
public enum KeyProblem {
    MALFORMED("the JWK is not a JSON object of the expected shape, or its key material is garbled"),
    SYMMETRIC("kty oct: a symmetric key is never a trusted verification key"),
    UNSUPPORTED_TYPE("kty is not RSA, EC or OKP"),
    NOT_FOR_SIGNATURES("use is present and is not sig"),
    NO_VERIFY_OPERATION("key_ops is present and does not contain verify"),
    PRIVATE_KEY_PUBLISHED("the JWK carries private key members: the key is compromised"),
    WEAK_RSA_MODULUS("the RSA modulus is shorter than 2048 bits or not odd"),
    BAD_RSA_EXPONENT("the RSA public exponent is not an odd number in [3, n)"),
    ROCA_VULNERABLE("the RSA modulus has the ROCA fingerprint (CVE-2017-15361): its factors are recoverable"),
    UNSUPPORTED_CURVE("the curve is not P-256, P-384, P-521, Ed25519 or Ed448"),
    POINT_NOT_ON_CURVE("the EC point is not on the declared curve"),
    ALGORITHM_MISMATCH("the declared alg does not fit the key type and curve"),
    DUPLICATE_KID("several JWKs share this kid: the key set is ambiguous for it");

    private final String description;

    KeyProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
