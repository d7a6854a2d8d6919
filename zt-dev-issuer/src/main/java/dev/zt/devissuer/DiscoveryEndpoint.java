package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/openid-configuration}: the metadata a client needs to find the JWKS and
 * the token endpoint (RFC 8414 names). Only what is true is listed: there is no authorization
 * endpoint and no ID token.
 */
final class DiscoveryEndpoint extends Endpoint {

    static final String PATH = "/.well-known/openid-configuration";

    private final Map<String, Object> metadata;

    DiscoveryEndpoint(String issuer) {
        super(PATH, "GET");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("jwks_uri", issuer + JwksEndpoint.PATH);
        m.put("token_endpoint", issuer + TokenEndpoint.PATH);
        m.put("grant_types_supported", List.of(ClientCredentialsGrant.GRANT_TYPE, TokenExchangeGrant.GRANT_TYPE));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        m.put("zt_development_only", true);
        m.put("zt_dev_tokens_endpoint", issuer + DevTokensEndpoint.PATH);
        this.metadata = Collections.unmodifiableMap(m);
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        Http.sendJson(exchange, 200, metadata, "max-age=60");
    }
}
