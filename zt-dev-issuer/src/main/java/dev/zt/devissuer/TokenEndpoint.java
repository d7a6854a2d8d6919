package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /oauth2/token}: client_credentials and token exchange, {@code client_secret_basic} only. */
final class TokenEndpoint extends Endpoint {

    static final String PATH = "/oauth2/token";

    private final ClientRegistry clients;
    private final Map<String, TokenGrant> grants;

    TokenEndpoint(ClientRegistry clients, Map<String, TokenGrant> grants) {
        super(PATH, "POST");
        this.clients = clients;
        this.grants = Map.copyOf(grants);
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        DevClient client = clients.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.setAttribute(CLIENT_ATTRIBUTE, client.id());
        Map<String, String> params = Http.form(exchange);
        if (params.containsKey("client_secret") || params.containsKey("client_assertion")) {
            throw OAuthError.invalidRequest("authenticate with HTTP Basic only (client_secret_basic)");
        }
        String grantType = TokenRequests.required(params, "grant_type");
        TokenGrant grant = grants.get(grantType);
        if (grant == null) {
            throw OAuthError.unsupportedGrantType();
        }
        IssuedToken token = grant.issue(client, params);
        IssuerLog.issued(grantType, client.id(), token.subject(), token.audience(), token.jti(), token.expiresAt());

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", token.value());
        if (TokenExchangeGrant.GRANT_TYPE.equals(grantType)) {
            response.put("issued_token_type", TokenExchangeGrant.ACCESS_TOKEN_TYPE);
        }
        response.put("token_type", "Bearer");
        response.put("expires_in", token.expiresInSeconds());
        if (!token.scopes().isEmpty()) {
            response.put("scope", String.join(" ", token.scopes()));
        }
        Http.sendJson(exchange, 200, response, "no-store");
    }
}
