package dev.zt.keycloak.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/** Reads and alters compact JWS tokens for the tests; never verifies anything. */
final class Jwt {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {
    }

    static Map<String, Object> header(String token) {
        return Keycloak.json(segmentText(token, 0));
    }

    static Map<String, Object> claims(String token) {
        return Keycloak.json(segmentText(token, 1));
    }

    /** The same payload and signature under another header (the header is signed: the signature no longer fits it). */
    static String withHeader(String token, Map<String, Object> header) {
        String[] parts = token.split("\\.");
        return encode(JsonUtil.toJson(header)) + "." + parts[1] + "." + parts[2];
    }

    /** The token with {@code from} replaced by {@code to} (same length) in its decoded payload: a forgery keeping the signature. */
    static String withPayloadEdited(String token, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("keep the length: one changed byte, not a reshaped token");
        }
        String[] parts = token.split("\\.");
        String payload = segmentText(token, 1);
        if (!payload.contains(from)) {
            throw new IllegalArgumentException("the payload does not contain " + from);
        }
        return parts[0] + "." + encode(payload.replace(from, to)) + "." + parts[2];
    }

    /** The same header and signature over other claims. */
    static String withClaims(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(JsonUtil.toJson(claims)) + "." + parts[2];
    }

    private static String segmentText(String token, int index) {
        return new String(DECODER.decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
