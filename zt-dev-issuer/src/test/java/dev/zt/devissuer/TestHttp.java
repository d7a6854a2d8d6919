package dev.zt.devissuer;

import dev.zt.core.testing.MintedTokens;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Real HTTP to the issuer under test. */
final class TestHttp {

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestHttp() {
    }

    record Response(int status, HttpHeaders headers, String body) {

        Map<String, Object> json() {
            try {
                return JsonUtil.parseJson(body);
            } catch (JoseException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String error() {
            return (String) json().get("error");
        }

        String accessToken() {
            if (status != 200) {
                throw new AssertionError("expected a token, got " + status + " " + body);
            }
            return (String) json().get("access_token");
        }
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** POST to the token endpoint as {@code clientId} with {@code secret} (client_secret_basic). */
    static Response token(DevIssuer issuer, String clientId, String secret, Map<String, String> form) {
        return postForm(issuer.tokenEndpoint(), basic(clientId, secret), form);
    }

    static Response token(DevIssuer issuer, String clientId, Map<String, String> form) {
        return token(issuer, clientId, issuer.clientSecret(clientId), form);
    }

    static Response postForm(URI uri, String authorization, Map<String, String> form) {
        return postRaw(uri, authorization, encode(form));
    }

    static Response postRaw(URI uri, String authorization, String body) {
        return postRaw(uri, authorization, "application/x-www-form-urlencoded", body);
    }

    static Response postRaw(URI uri, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static Response post(URI uri, String contentType, String accept, String body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** Registers every token the issuer answers with (JSON {@code access_token}, or a plain-text JWS) for the leak scan. */
    private static void registerTokens(String body) {
        String text = body == null ? "" : body.strip();
        if (COMPACT_JWS.matcher(text).matches()) {
            MintedTokens.register(text);
        } else if (text.startsWith("{") && text.contains("\"access_token\"")) {
            try {
                Object token = JsonUtil.parseJson(text).get("access_token");
                if (token instanceof String s) {
                    MintedTokens.register(s);
                }
            } catch (JoseException e) {
                // not JSON after all: the test asserting on it will say so
            }
        }
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            registerTokens(response.body());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
