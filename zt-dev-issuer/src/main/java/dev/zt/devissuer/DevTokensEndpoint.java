package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /dev/tokens}, DEVELOPMENT ONLY: a user token for any subject, tenant, scopes and
 * audience, without a login. Form or JSON body: {@code subject} (required), {@code audience}
 * (required), {@code tenant}, {@code scope} (space-delimited; in JSON also {@code scopes}, an array),
 * {@code expires_in} (seconds). Answers JSON like a token endpoint, or the bare token when the
 * request says {@code Accept: text/plain} (for {@code TOKEN=$(curl ...)}).
 */
final class DevTokensEndpoint extends Endpoint {

    static final String PATH = "/dev/tokens";

    private final UserTokens userTokens;
    private final Duration defaultLifetime;

    DevTokensEndpoint(UserTokens userTokens, Duration defaultLifetime) {
        super(PATH, "POST");
        this.userTokens = userTokens;
        this.defaultLifetime = defaultLifetime;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        Map<String, ?> params = switch (Http.contentType(exchange)) {
            case "application/x-www-form-urlencoded" -> Http.parseForm(Http.body(exchange));
            case "application/json" -> Http.parseJsonObject(Http.body(exchange));
            default -> throw OAuthError.invalidRequest("send a form (application/x-www-form-urlencoded) or JSON body");
        };
        IssuedToken token;
        try {
            token = userTokens.mint(string(params, "subject"), string(params, "tenant"), scopes(params),
                    string(params, "audience"), lifetime(params));
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
        response.put("scope", String.join(" ", token.scopes()));
        response.put("zt_development_only", true);
        Http.sendJson(exchange, 200, response, "no-store");
    }

    private static String string(Map<String, ?> params, String name) {
        Object value = params.get(name);
        if (value == null || value instanceof String) {
            String text = (String) value;
            return text == null || text.isEmpty() ? null : text;
        }
        throw OAuthError.invalidRequest("'" + name + "' must be a string");
    }

    private static List<String> scopes(Map<String, ?> params) {
        Object array = params.get("scopes");
        if (array != null) {
            if (!(array instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw OAuthError.invalidRequest("'scopes' must be an array of strings");
            }
            List<String> scopes = new ArrayList<>();
            list.forEach(s -> scopes.add((String) s));
            return scopes;
        }
        String scope = string(params, "scope");
        return scope == null ? List.of() : List.of(scope.split(" ", -1));
    }

    private Duration lifetime(Map<String, ?> params) {
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
