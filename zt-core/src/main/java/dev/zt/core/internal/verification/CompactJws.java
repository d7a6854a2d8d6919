package dev.zt.core.internal.verification;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JWS in compact serialization, split and decoded once: header bytes, payload bytes, signature
 * bytes and the signing input. Everything that is not exactly three strict base64url segments is
 * refused here, before any JSON parsing or cryptography: oversized input (checked before decoding),
 * JSON serialization, JWE (five segments), empty or non-canonical segments.
 */
public record CompactJws(byte[] header, byte[] payload, byte[] signature, byte[] signingInput) {

    /**
     * @param token    the token as sent (ASCII)
     * @param maxBytes the size cap, checked before anything else
     */
    public static CompactJws parse(String token, int maxBytes) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(RejectionReason.MISSING);
        }
        if (token.length() > maxBytes) {
            throw new TokenRejectedException(RejectionReason.TOO_LARGE, token.length() + " > " + maxBytes + " characters");
        }
        if (token.charAt(0) == '{') {
            throw new TokenRejectedException(RejectionReason.JSON_SERIALIZATION);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            throw new TokenRejectedException(RejectionReason.MALFORMED, "fewer than three segments");
        }
        int third = token.indexOf('.', second + 1);
        if (third >= 0) {
            int fourth = token.indexOf('.', third + 1);
            boolean jwe = fourth >= 0 && token.indexOf('.', fourth + 1) < 0;
            throw new TokenRejectedException(jwe ? RejectionReason.ENCRYPTED : RejectionReason.MALFORMED,
                    jwe ? null : "more than three segments");
        }
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        // An empty payload is a well-formed JWS (it can never be a JWT: the claims check refuses it);
        // an empty header or signature is not.
        if (first == 0 || second == bytes.length - 1) {
            throw new TokenRejectedException(RejectionReason.MALFORMED, "an empty header or signature");
        }
        byte[] header = StrictBase64Url.decode(bytes, 0, first);
        byte[] payload = StrictBase64Url.decode(bytes, first + 1, second);
        byte[] signature = StrictBase64Url.decode(bytes, second + 1, bytes.length);
        if (header == null || payload == null || signature == null) {
            throw new TokenRejectedException(RejectionReason.MALFORMED, "a segment is not strict base64url");
        }
        // Non-ASCII characters were turned into '?' by ISO-8859-1 only if outside Latin-1; any
        // character outside the base64url alphabet has been refused above, so bytes == chars here.
        return new CompactJws(header, payload, signature, Arrays.copyOf(bytes, second));
    }

    public String headerJson() {
        return new String(header, StandardCharsets.UTF_8);
    }

    public String payloadJson() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
