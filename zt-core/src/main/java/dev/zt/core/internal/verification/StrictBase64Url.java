package dev.zt.core.internal.verification;

import java.util.Base64;

/**
 * RFC 7515 base64url without padding, strictly: only {@code A-Z a-z 0-9 - _}, no {@code =}, no
 * whitespace, no length that cannot occur ({@code n % 4 == 1}), and no non-zero bits in the final
 * character's unused positions. jose4j and {@link Base64} accept some of these; a token is a byte
 * string with exactly one encoding, so zt accepts only that one.
 */
public final class StrictBase64Url {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private StrictBase64Url() {
    }

    /** True if {@code bytes[from, to)} is canonical unpadded base64url. An empty range is canonical (zero bytes). */
    public static boolean isCanonical(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length % 4 == 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            if (c < 0 || VALUES[c] < 0) {
                return false;
            }
        }
        if (length == 0) {
            return true;
        }
        int last = VALUES[bytes[to - 1]];
        return switch (length % 4) {
            case 2 -> (last & 0x0F) == 0; // 1 byte encoded: 4 bits unused
            case 3 -> (last & 0x03) == 0; // 2 bytes encoded: 2 bits unused
            default -> true;
        };
    }

    /** Decodes {@code bytes[from, to)}, or returns null if it is not canonical. */
    public static byte[] decode(byte[] bytes, int from, int to) {
        if (!isCanonical(bytes, from, to)) {
            return null;
        }
        byte[] segment = java.util.Arrays.copyOfRange(bytes, from, to);
        return DECODER.decode(segment);
    }
}
