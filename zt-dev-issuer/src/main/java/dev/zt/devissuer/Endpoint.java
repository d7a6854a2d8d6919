package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/**
 * One endpoint at one exact path and method. Refuses anything not from loopback, turns an
 * {@link OAuthError} into its RFC 6749 response and anything unexpected into a bare 500.
 */
abstract class Endpoint implements HttpHandler {

    static final String CLIENT_ATTRIBUTE = "dev.zt.devissuer.client";

    private final String path;
    private final String method;

    Endpoint(String path, String method) {
        this.path = path;
        this.method = method;
    }

    String path() {
        return path;
    }

    abstract void serve(HttpExchange exchange) throws IOException;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try {
            if (!Http.fromLoopback(exchange)) {
                Http.sendStatus(exchange, 403, null);
            } else if (!path.equals(exchange.getRequestURI().getPath())) {
                Http.sendStatus(exchange, 404, null);
            } else if (!method.equals(exchange.getRequestMethod())) {
                Http.sendStatus(exchange, 405, method);
            } else {
                serve(exchange);
            }
        } catch (OAuthError error) {
            Object client = exchange.getAttribute(CLIENT_ATTRIBUTE);
            IssuerLog.refused(path, client == null ? "(unauthenticated)" : client.toString(), error.code(), error.description());
            Http.sendError(exchange, error);
        } catch (IOException | RuntimeException e) {
            IssuerLog.failed(path, e);
            try {
                Http.sendStatus(exchange, 500, null);
            } catch (IOException | RuntimeException ignored) {
                // the response was already started: closing below is all that is left
            }
        } finally {
            exchange.close();
        }
    }
}
