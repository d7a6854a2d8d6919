package dev.zt.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One POST to the token endpoint: the RFC 6749 client-credentials or RFC 8693 token-exchange form,
 * HTTP Basic client authentication (RFC 6749 2.3.1), a bounded body, a bounded time.
 */
final class TokenEndpoint {

    static final String CLIENT_CREDENTIALS = "client_credentials";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    private final URI uri;
    private final String clientId;
    private final Secret secret;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final boolean sendResource;

    TokenEndpoint(URI uri, String clientId, Secret secret, HttpClient http, Duration timeout, int maxResponseBytes,
            boolean sendResource) {
        this.uri = uri;
        this.clientId = clientId;
        this.secret = secret;
        this.http = http;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.sendResource = sendResource;
    }

    /** The form parameters of {@code request}, in a fixed order. */
    Map<String, String> form(TokenRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        if (request.isExchange()) {
            form.put("grant_type", TOKEN_EXCHANGE);
            form.put("subject_token", request.subjectToken());
            form.put("subject_token_type", TokenResponses.ACCESS_TOKEN_TYPE);
            form.put("requested_token_type", TokenResponses.ACCESS_TOKEN_TYPE);
            if (request.actorToken() != null) {
                form.put("actor_token", request.actorToken());
                form.put("actor_token_type", TokenResponses.ACCESS_TOKEN_TYPE);
            }
        } else {
            form.put("grant_type", CLIENT_CREDENTIALS);
        }
        form.put("audience", request.audience());
        if (sendResource) {
            form.put("resource", request.audience());
        }
        form.put("scope", request.scopeParameter());
        return form;
    }

    CompletableFuture<HttpResponse<byte[]>> post(TokenRequest request) {
        try {
            char[] password = secret.copy();
            String authorization;
            try {
                authorization = FormEncoding.basicCredentials(clientId, password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            HttpRequest post = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.form(form(request))))
                    .build();
            return http.sendAsync(post, LimitedBody.handler(maxResponseBytes))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    URI uri() {
        return uri;
    }
}
