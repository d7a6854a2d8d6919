package dev.zt.keycloak.it;

import dev.zt.core.testing.MintedTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** The running Keycloak as the tests use it: issuer and JWKS addresses, and the token endpoint's grants. */
final class Keycloak implements AutoCloseable {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    Keycloak(KeycloakServer server) {
        this.server = server;
    }

    /** The token endpoint's answer: its status and JSON body. */
    record TokenResponse(int status, Map<String, Object> body) {
        String accessToken() {
            Object token = body.get("access_token");
            if (status != 200 || !(token instanceof String s)) {
                throw new AssertionError("Keycloak issued no access token (" + status + "): " + body);
            }
            return s;
        }

        String error() {
            return String.valueOf(body.get("error"));
        }
    }

    String issuer(String realm) {
        return server.baseUri() + "/realms/" + realm;
    }

    String jwksUri(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    /** Resource-owner password grant (test only: never use it for real users). */
    TokenResponse password(String realm, String client, String username, String password) {
        return token(realm, null, null, Map.of("grant_type", "password", "client_id", client, "username", username, "password", password));
    }

    String passwordToken(String realm, String client, String username, String password) {
        return password(realm, client, username, password).accessToken();
    }

    TokenResponse clientCredentials(String realm, String client, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(realm, client, secret, form);
    }

    /** RFC 8693 token exchange (Keycloak's standard token exchange, V2), the client authenticating with its secret. */
    TokenResponse exchange(String realm, String client, String secret, String subjectToken, String audience, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        form.put("audience", audience);
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(realm, client, secret, form);
    }

    /** A token exchange asked by a public client (no secret): Keycloak must refuse it. */
    TokenResponse exchangeAsPublicClient(String realm, String client, String subjectToken, String audience) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("client_id", client);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("audience", audience);
        return token(realm, null, null, form);
    }

    /** The realm's JWKS as published. */
    Map<String, Object> jwks(String realm) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(jwksUri(realm))).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("JWKS of " + realm + " answered " + response.statusCode());
        }
        return json(response.body());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jwksKeys(String realm) {
        return (List<Map<String, Object>>) jwks(realm).get("keys");
    }

    private TokenResponse token(String realm, String client, String secret, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (client != null) {
            String basic = URLEncoder.encode(client, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = send(request);
        Map<String, Object> answer = json(response.body());
        // every credential Keycloak hands the tests is registered for zt-leak-scan
        for (String kind : List.of("access_token", "refresh_token", "id_token")) {
            if (answer.get(kind) instanceof String token) {
                MintedTokens.register(token);
            }
        }
        return new TokenResponse(response.statusCode(), answer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request to Keycloak failed: " + e + " (is it still running? " + server.isRunning() + "; log " + server.log() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Map<String, Object> json(String text) {
        try {
            return JsonUtil.parseJson(text);
        } catch (JoseException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
