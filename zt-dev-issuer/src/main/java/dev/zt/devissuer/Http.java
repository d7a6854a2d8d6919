package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Request parsing and response writing shared by the endpoints. */
final class Http {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private Http() {
    }

    static String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw OAuthError.invalidRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** An {@code application/x-www-form-urlencoded} body; a parameter given twice is refused (RFC 6749 3.2). */
    static Map<String, String> form(HttpExchange exchange) throws IOException {
        if (!"application/x-www-form-urlencoded".equals(contentType(exchange))) {
            throw OAuthError.invalidRequest("send the parameters as application/x-www-form-urlencoded");
        }
        return parseForm(body(exchange));
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidRequest("the form body is not valid URL encoding");
            }
            if (params.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("parameter '" + name + "' appears more than once");
            }
        }
        return params;
    }

    /** A request reaches an endpoint only from a loopback peer that addressed a loopback host (no DNS rebinding). */
    static boolean fromLoopback(HttpExchange exchange) {
        InetAddress peer = exchange.getRemoteAddress().getAddress();
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (peer != null && peer.isLoopbackAddress() && isLoopbackHost(host)) {
            return true;
        }
        IssuerLog.notLoopback(String.valueOf(peer), host == null ? "(none)" : host.replaceAll("[^\\x20-\\x7e]", "?"));
        return false;
    }

    static boolean isLoopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && host.substring(0, end + 1).equals("[::1]");
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}");
    }

    static void sendJson(HttpExchange exchange, int status, Map<String, ?> body, String cacheControl) throws IOException {
        String json;
        try {
            json = JsonUtil.toJson(body);
        } catch (RuntimeException e) {
            throw new IOException("cannot write JSON", e);
        }
        send(exchange, status, "application/json", json, cacheControl);
    }

    static void sendRawJson(HttpExchange exchange, String json, String cacheControl) throws IOException {
        send(exchange, 200, "application/json", json, cacheControl);
    }

    static void sendText(HttpExchange exchange, String text) throws IOException {
        send(exchange, 200, "text/plain; charset=utf-8", text, "no-store");
    }

    static void sendError(HttpExchange exchange, OAuthError error) throws IOException {
        if (error.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"zt-dev-issuer\", charset=\"UTF-8\"");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("error_description", error.description());
        sendJson(exchange, error.status(), body, "no-store");
    }

    static void sendStatus(HttpExchange exchange, int status, String allow) throws IOException {
        if (allow != null) {
            exchange.getResponseHeaders().set("Allow", allow);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String cacheControl)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        if ("no-store".equals(cacheControl)) {
            exchange.getResponseHeaders().set("Pragma", "no-cache");
        }
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, Object> parseJsonObject(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            throw OAuthError.invalidRequest("the body is not a JSON object");
        }
    }
}
