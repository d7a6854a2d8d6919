package dev.zt.benchmarks.verification;

/**
 * JWS ECDSA signatures (RFC 7518 3.4: {@code R || S}, fixed length) to the ASN.1 DER
 * {@code SEQUENCE { INTEGER r, INTEGER s }} that {@code SHA256withECDSA} expects. The minimal
 * conversion every JOSE verifier using that JCA algorithm has to do, so the raw baseline pays it too.
 */
final class JoseEcdsa {

    private JoseEcdsa() {
    }

    /** @throws IllegalArgumentException for an odd length or a signature too long for short-form DER lengths */
    static byte[] toDer(byte[] jose) {
        if (jose.length == 0 || (jose.length & 1) != 0 || jose.length > 2 * 62) {
            throw new IllegalArgumentException("not a JOSE ECDSA signature of a short-form DER size");
        }
        int half = jose.length / 2;
        int rStart = firstSignificant(jose, 0, half);
        int sStart = firstSignificant(jose, half, jose.length);
        int rLength = half - (rStart - 0) + (jose[rStart] < 0 ? 1 : 0);
        int sLength = jose.length - sStart + (jose[sStart] < 0 ? 1 : 0);
        int content = 2 + rLength + 2 + sLength;
        byte[] der = new byte[2 + content];
        int i = 0;
        der[i++] = 0x30;
        der[i++] = (byte) content;
        i = integer(der, i, jose, rStart, half, rLength);
        integer(der, i, jose, sStart, jose.length, sLength);
        return der;
    }

    /** Skips leading zero bytes, keeping at least one byte of the integer. */
    private static int firstSignificant(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to - 1 && bytes[i] == 0) {
            i++;
        }
        return i;
    }

    private static int integer(byte[] der, int at, byte[] jose, int from, int to, int length) {
        der[at++] = 0x02;
        der[at++] = (byte) length;
        if (jose[from] < 0) {
            der[at++] = 0x00; // keep the INTEGER positive
        }
        System.arraycopy(jose, from, der, at, to - from);
        return at + (to - from);
    }
}
