package dev.zt.core.internal.keys;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Optional;
import org.jose4j.base64url.Base64Url;

/** Checks of public key material that the JDK and jose4j do not make when a JWK is parsed. */
final class KeyStrength {

    static final int MIN_RSA_BITS = 2048;

    /**
     * The small primes of the ROCA fingerprint (Nemec et al., CCS 2017): a modulus made by the
     * vulnerable Infineon library is, modulo each of them, a power of 65537. A random modulus
     * passes all of them with a probability of about 4e-9.
     */
    private static final int[] ROCA_PRIMES = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
        67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};

    private KeyStrength() {
    }

    /**
     * The exponent member checked before parsing, since the JDK refuses e = 1 or 2 itself and would
     * hide the reason behind an unparsable key.
     */
    static Optional<IgnoredKey> rsaExponentMemberProblem(String kid, Object exponent) {
        if (!(exponent instanceof String encoded) || encoded.isEmpty()) {
            return Optional.empty();
        }
        BigInteger e;
        try {
            e = new BigInteger(1, Base64Url.decode(encoded));
        } catch (RuntimeException garbled) {
            return Optional.empty();
        }
        return e.testBit(0) && e.compareTo(BigInteger.valueOf(3)) >= 0
                ? Optional.empty()
                : Optional.of(new IgnoredKey(kid, KeyProblem.BAD_RSA_EXPONENT, "e=" + e));
    }

    static Optional<IgnoredKey> rsaProblem(String kid, RSAPublicKey key) {
        BigInteger n = key.getModulus();
        BigInteger e = key.getPublicExponent();
        if (n.bitLength() < MIN_RSA_BITS || !n.testBit(0)) {
            return Optional.of(new IgnoredKey(kid, KeyProblem.WEAK_RSA_MODULUS, n.bitLength() + "-bit modulus"));
        }
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0) {
            return Optional.of(new IgnoredKey(kid, KeyProblem.BAD_RSA_EXPONENT, "e=" + e));
        }
        if (hasRocaFingerprint(n)) {
            return Optional.of(new IgnoredKey(kid, KeyProblem.ROCA_VULNERABLE, ""));
        }
        return Optional.empty();
    }

    static boolean hasRocaFingerprint(BigInteger modulus) {
        for (int prime : ROCA_PRIMES) {
            int residue = modulus.mod(BigInteger.valueOf(prime)).intValue();
            if (!isPowerOf65537(residue, prime)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPowerOf65537(int residue, int prime) {
        int generator = 65537 % prime;
        int power = 1;
        do {
            if (power == residue) {
                return true;
            }
            power = power * generator % prime;
        } while (power != 1);
        return false;
    }

    /** Whether the point is an affine point of the key's own curve: 0 <= x, y < p and y^2 = x^3 + ax + b (mod p). */
    static boolean isOnCurve(ECPublicKey key) {
        EllipticCurve curve = key.getParams().getCurve();
        ECPoint point = key.getW();
        if (!(curve.getField() instanceof ECFieldFp field) || ECPoint.POINT_INFINITY.equals(point)) {
            return false;
        }
        BigInteger p = field.getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }
}
