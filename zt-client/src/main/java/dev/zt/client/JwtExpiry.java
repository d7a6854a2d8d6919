package dev.zt.client;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code exp} of an access token that is a JWS, read WITHOUT verifying anything: only to cache
 * the token no longer than it lives. An opaque token (not three base64url JSON segments) has none.
 */
final class JwtExpiry {

    private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private JwtExpiry() {
    }

    /**
     * @throws ServiceTokenException ({@code MALFORMED_RESPONSE}) for a JWT whose {@code exp} is not a number
     */
    static Optional<Instant> of(String token) {
        Optional<Map<String, Object>> claims = UnverifiedPayload.claims(token);
        if (claims.isEmpty() || !claims.get().containsKey("exp")) {
            return Optional.empty();
        }
        Object exp = claims.get().get("exp");
        if (exp instanceof Number number) {
            double seconds = number.doubleValue();
            if (seconds >= 0 && seconds <= MAX_EPOCH_SECOND) {
                return Optional.of(Instant.ofEpochSecond((long) Math.floor(seconds)));
            }
        }
        throw new ServiceTokenException(ServiceTokenException.Reason.MALFORMED_RESPONSE,
                "the access token is a JWT whose exp is not a valid NumericDate");
    }
}
