package dev.zt.devissuer;

import dev.zt.core.Scopes;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The audience and scopes a client asks for, checked against what it may ask for. */
final class TokenRequests {

    private TokenRequests() {
    }

    /**
     * The {@code audience} (RFC 8693) or {@code resource} (RFC 8707) parameter; without either,
     * the client's only audience if it has exactly one.
     *
     * @throws OAuthError {@code invalid_target} when missing and ambiguous, or not allowed for the client
     */
    static String audience(Map<String, String> params, DevClient client) {
        String audience = blankToNull(params.get("audience"));
        String resource = blankToNull(params.get("resource"));
        if (audience != null && resource != null && !audience.equals(resource)) {
            throw OAuthError.invalidTarget("give one target: audience and resource differ");
        }
        String requested = audience != null ? audience : resource;
        if (requested == null) {
            if (client.audiences().size() == 1) {
                return client.audiences().iterator().next();
            }
            throw OAuthError.invalidTarget("name the audience: this client may request several");
        }
        if (!client.audiences().contains(requested)) {
            throw OAuthError.invalidTarget("this client may not request tokens for that audience");
        }
        return requested;
    }

    /**
     * The {@code scope} parameter. Strict by choice: a scope the client may not request is refused
     * with {@code invalid_scope} rather than silently dropped, so a misconfiguration shows at once.
     * Without the parameter, every scope the client may request.
     */
    static Set<String> scopes(Map<String, String> params, DevClient client) {
        String scope = params.get("scope");
        if (scope == null || scope.isEmpty()) {
            return new TreeSet<>(client.scopes());
        }
        Set<String> requested = new LinkedHashSet<>();
        for (String token : scope.split(" ", -1)) {
            if (!Scopes.isValidScopeToken(token)) {
                throw OAuthError.invalidScope("scope must be space-delimited RFC 6749 scope tokens");
            }
            if (!client.scopes().contains(token)) {
                throw OAuthError.invalidScope("scope '" + token + "' is not allowed for this client");
            }
            requested.add(token);
        }
        return requested;
    }

    static String required(Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            throw OAuthError.invalidRequest("parameter '" + name + "' is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
