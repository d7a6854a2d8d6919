package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shape shared by the DEVELOPMENT ONLY minting endpoints ({@code /dev/tokens},
 * {@code /dev/pipeline-tokens}): a form or JSON body in, a token out as JSON like a token endpoint,
 * or the bare token for {@code Accept: text/plain} (for {@code TOKEN=$(curl ...)}).
 */
abstract class DevMintingEndpoint extends Endpoint {

    private final Duration defaultLifetime;

    DevMintingEndpoint(String path, Duration defaultLifetime) {
        super(path, "POST");
        this.defaultLifetime = defaultLifetime;
    }

    /** Mints the token the parameters describe; IllegalArgumentException for a bad request. */
    abstract IssuedToken mint(Map<String, ?> params);

    /** Response members beyond access_token, token_type and expires_in. */
    void describe(IssuedToken token, Map<String, Object> response) {
    }

    @Override
    final void serve(HttpExchange exchange) throws IOException {
        Map<String, ?> params = switch (Http.contentType(exchange)) {
            case "application/x-www-form-urlencoded" -> Http.parseForm(Http.body(exchange));
            case "application/json" -> Http.parseJsonObject(Http.body(exchange));
            default -> throw OAuthError.invalidRequest("send a form (application/x-www-form-urlencoded) or JSON body");
        };
        IssuedToken token;
        try {
            token = mint(params);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest(e.getMessage());
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            Http.sendText(exchange, token.value() + "\n");
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", token.value());
        response.put("token_type", "Bearer");
        response.put("expires_in", token.expiresInSeconds());
        describe(token, response);
        response.put("zt_development_only", true);
        Http.sendJson(exchange, 200, response, "no-store");
    }

    static String string(Map<String, ?> params, String name) {
        Object value = params.get(name);
        if (value == null || value instanceof String) {
            String text = (String) value;
            return text == null || text.isEmpty() ? null : text;
        }
        throw OAuthError.invalidRequest("'" + name + "' must be a string");
    }

    Duration lifetime(Map<String, ?> params) {
        Object value = params.get("expires_in");
        if (value == null) {
            return defaultLifetime;
        }
        try {
            long seconds = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw OAuthError.invalidRequest("'expires_in' must be a number of seconds");
        }
    }
}
