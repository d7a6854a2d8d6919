package dev.zt.example.e2e;

import dev.zt.core.testing.MintedTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** Real HTTP to the running example; every call is bounded in time. */
final class Http {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri, String token) {
        return send(request(uri, token).GET());
    }

    static HttpResponse<String> post(URI uri, String token, String json) {
        return send(request(uri, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> delete(URI uri, String token) {
        return send(request(uri, token).DELETE());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every token sent is registered for the leak scan, wherever it came from (issuer, exchange, printed curl line). */
    private static HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + MintedTokens.register(token));
    }

    static Map<String, Object> object(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new AssertionError("not a JSON object: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(String json) {
        Object value = object("{\"a\":" + json + "}").get("a");
        if (!(value instanceof List<?> list)) {
            throw new AssertionError("not a JSON array: " + json);
        }
        return new ArrayList<>((List<Map<String, Object>>) list);
    }
}
