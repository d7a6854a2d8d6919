package dev.zt.filter.it;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** One HTTP response as the client saw it: status, headers (names case-insensitive) and body. */
record Reply(int status, Map<String, List<String>> headers, String body) {

    Reply {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                copy.merge(k, List.copyOf(v), (a, b) -> {
                    var all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
            }
        });
        headers = copy;
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String challenge() {
        return header("WWW-Authenticate").orElse("");
    }

    String contentType() {
        return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    Map<String, Object> json() {
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    /** Everything a client could read, for the "never echoes the token" check. */
    String everything() {
        return status + "\n" + headers + "\n" + body;
    }
}
