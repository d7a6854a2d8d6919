package dev.zt.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The claims of an access token that is a JWS (three base64url segments, a JSON payload), read
 * WITHOUT verifying anything: only to learn how long to cache it ({@code exp}) and what to call it
 * in the audit trail ({@code jti}). An opaque token has none.
 */
final class UnverifiedPayload {

    private UnverifiedPayload() {
    }

    static Optional<Map<String, Object>> claims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.ofNullable(JsonUtil.parseJson(json));
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
