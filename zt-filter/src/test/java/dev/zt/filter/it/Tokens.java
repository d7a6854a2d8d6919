package dev.zt.filter.it;

import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** Surgery on compact tokens, for the hostile cases {@link TestTokens} cannot express. */
final class Tokens {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Tokens() {
    }

    static String[] segments(String token) {
        return token.split("\\.", -1);
    }

    static byte[] decode(String segment) {
        return Base64.getUrlDecoder().decode(segment);
    }

    /** The token with one bit of its signature flipped. */
    static String flipSignatureByte(String token) {
        String[] s = segments(token);
        byte[] signature = decode(s[2]);
        signature[signature.length / 2] ^= 0x01;
        return s[0] + "." + s[1] + "." + TestTokens.b64(signature);
    }

    static String withSignature(String token, String signatureSegment) {
        String[] s = segments(token);
        return s[0] + "." + s[1] + "." + signatureSegment;
    }

    static String withPayload(String token, String payloadJson) {
        String[] s = segments(token);
        return s[0] + "." + TestTokens.b64(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + s[2];
    }

    /** RS256 over exactly these header and payload bytes (which may be invalid JSON or repeat members). */
    static String signRs256(String headerJson, String payloadJson) {
        String input = TestTokens.b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + TestTokens.b64(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(TestKeys.RS256.privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + TestTokens.b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The signature segment's last character replaced by one that decodes to the same bytes under a
     * lenient decoder (the unused low bits set): the same signature in a second, non-canonical spelling.
     */
    static String nonCanonicalLastCharacter(String token) {
        String[] s = segments(token);
        String signature = s[2];
        int unusedBits = switch (signature.length() % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> throw new IllegalArgumentException("signature length has no unused bits");
        };
        char last = signature.charAt(signature.length() - 1);
        int value = ALPHABET.indexOf(last) | ((1 << unusedBits) - 1);
        return s[0] + "." + s[1] + "." + signature.substring(0, signature.length() - 1) + ALPHABET.charAt(value);
    }
}
