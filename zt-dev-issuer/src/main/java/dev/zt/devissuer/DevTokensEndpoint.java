package dev.zt.devissuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /dev/tokens}, DEVELOPMENT ONLY: a user token for any subject, tenant, scopes and
 * audience, without a login. Form or JSON body: {@code subject} (required), {@code audience}
 * (required), {@code tenant}, {@code scope} (space-delimited; in JSON also {@code scopes}, an array),
 * {@code expires_in} (seconds). Answers JSON like a token endpoint, or the bare token when the
 * request says {@code Accept: text/plain} (for {@code TOKEN=$(curl ...)}).
 */
final class DevTokensEndpoint extends DevMintingEndpoint {

    static final String PATH = "/dev/tokens";

    private final UserTokens userTokens;

    DevTokensEndpoint(UserTokens userTokens, Duration defaultLifetime) {
        super(PATH, defaultLifetime);
        this.userTokens = userTokens;
    }

    @Override
    IssuedToken mint(Map<String, ?> params) {
        return userTokens.mint(string(params, "subject"), string(params, "tenant"), scopes(params),
                string(params, "audience"), lifetime(params));
    }

    @Override
    void describe(IssuedToken token, Map<String, Object> response) {
        response.put("scope", String.join(" ", token.scopes()));
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
}
