package dev.zt.client;

import dev.zt.client.ServiceTokenException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Turns one token endpoint response into a {@link ServiceToken}, or a {@link ServiceTokenException}:
 * status 200 only, a JSON object with a bearer {@code access_token}, an integral {@code expires_in}
 * no longer than the requested lifetime, and enough lifetime left to exceed the refresh margin. An
 * error response yields its RFC 6749 {@code error} code, never its body or description.
 */
final class TokenResponses {

    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    /** RFC 6750 section 2.1 {@code b64token}: also rules out header injection through the token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    /** What the client asked for: needed to judge the answer. */
    record Expectation(boolean exchange, Duration lifetime, RefreshPolicy refresh, Instant sentAt) {
    }

    /**
     * An accepted answer: the token, and the response's {@code scope} member as sent (null when
     * absent), which only the audit trail reads, and only to compare it with the requested scopes.
     */
    record Accepted(ServiceToken token, Object scope) {
    }

    private TokenResponses() {
    }

    static Accepted parse(int status, Optional<String> contentType, byte[] body, Expectation expected,
            Instant now) {
        if (status != 200) {
            String error = errorCode(body).orElse(null);
            if (error != null) {
                throw new ServiceTokenException(Reason.OAUTH_ERROR, error, "HTTP status " + status, null);
            }
            throw new ServiceTokenException(Reason.UNEXPECTED_STATUS, "HTTP status " + status);
        }
        String mediaType = contentType.orElse("application/json").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ServiceTokenException(Reason.MALFORMED_RESPONSE, "the content type is not JSON");
        }
        Map<String, Object> json = json(body)
                .orElseThrow(() -> new ServiceTokenException(Reason.MALFORMED_RESPONSE, "the body is not a JSON object"));
        if (json.containsKey("error")) {
            throw new ServiceTokenException(Reason.OAUTH_ERROR, sanitized(json.get("error")), "HTTP status 200", null);
        }
        String token = bearerToken(json, expected.exchange());
        Duration expiresIn = expiresIn(json.get("expires_in"), expected.lifetime());
        Instant expiresAt = expected.sentAt().plus(expiresIn);
        Optional<Instant> exp = JwtExpiry.of(token);
        if (exp.isPresent() && exp.get().isBefore(expiresAt)) {
            expiresAt = exp.get();
        }
        Duration lifetime = Duration.between(expected.sentAt(), expiresAt);
        Instant refreshAt = expiresAt.minus(expected.refresh().marginFor(lifetime.isNegative() ? Duration.ZERO : lifetime));
        if (!now.isBefore(refreshAt)) {
            throw new ServiceTokenException(Reason.LIFETIME_TOO_SHORT, "it expires at " + expiresAt);
        }
        return new Accepted(new ServiceToken(token, expiresAt, refreshAt), json.get("scope"));
    }

    private static String bearerToken(Map<String, Object> json, boolean exchange) {
        if (!(json.get("access_token") instanceof String token) || token.length() > TokenRequest.MAX_TOKEN_LENGTH
                || !B64TOKEN.matcher(token).matches()) {
            throw new ServiceTokenException(Reason.NOT_A_BEARER_TOKEN, "access_token is missing or not a b64token");
        }
        if (!(json.get("token_type") instanceof String type) || !type.equalsIgnoreCase("Bearer")) {
            throw new ServiceTokenException(Reason.NOT_A_BEARER_TOKEN, "token_type is not Bearer");
        }
        Object issued = json.get("issued_token_type");
        if (exchange && issued != null && !ACCESS_TOKEN_TYPE.equals(issued)) {
            throw new ServiceTokenException(Reason.NOT_A_BEARER_TOKEN, "issued_token_type is not an access token");
        }
        return token;
    }

    private static Duration expiresIn(Object value, Duration requested) {
        if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() < 1) {
            throw new ServiceTokenException(Reason.LIFETIME_MISSING, "expires_in must be a positive integer");
        }
        long seconds = ((Number) value).longValue();
        long allowed = requested.getSeconds() + (requested.getNano() > 0 ? 1 : 0);
        if (seconds > allowed) {
            throw new ServiceTokenException(Reason.LIFETIME_TOO_LONG,
                    "expires_in " + seconds + " s exceeds the requested " + allowed + " s");
        }
        return Duration.ofSeconds(seconds);
    }

    private static Optional<String> errorCode(byte[] body) {
        return json(body).filter(json -> json.containsKey("error")).map(json -> sanitized(json.get("error")));
    }

    /** The error code as sent when it is a plausible code ({@code [a-z_]}); other content is never repeated. */
    private static String sanitized(Object error) {
        return error instanceof String code && ERROR_CODE.matcher(code).matches() ? code : "unrecognized_error";
    }

    private static Optional<Map<String, Object>> json(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return Optional.ofNullable(JsonUtil.parseJson(text));
        } catch (CharacterCodingException | JoseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
