package dev.zt.client;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code jti} of an obtained access token that is a JWS, read WITHOUT verification from its
 * payload, for the audit trail: an identifier of the token, never the token. Only 1 to 128
 * printable ASCII characters count; anything else (or an opaque token) yields none.
 */
final class JwtId {

    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private JwtId() {
    }

    static Optional<String> of(String token) {
        return UnverifiedPayload.claims(token)
                .map(claims -> claims.get("jti"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(jti -> PLAUSIBLE_ID.matcher(jti).matches());
    }
}
