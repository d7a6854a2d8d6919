package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;

/** {@code GET /.well-known/jwks.json}: public keys only, with a short {@code Cache-Control: max-age}. */
final class JwksEndpoint extends Endpoint {

    static final String PATH = "/.well-known/jwks.json";

    private final KeyRing keys;
    private final String cacheControl;

    JwksEndpoint(KeyRing keys, Duration maxAge) {
        super(PATH, "GET");
        this.keys = keys;
        this.cacheControl = "max-age=" + maxAge.toSeconds();
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        Http.sendRawJson(exchange, keys.jwksJson(), cacheControl);
    }
}
