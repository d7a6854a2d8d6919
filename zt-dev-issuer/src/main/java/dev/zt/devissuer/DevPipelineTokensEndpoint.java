package dev.zt.devissuer;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /dev/pipeline-tokens}, DEVELOPMENT ONLY: a CI pipeline OIDC token (GitHub
 * Actions-style, see {@link PipelineTokens}) for any repository, ref and environment. Form or JSON
 * body: {@code repository}, {@code ref}, {@code environment}, {@code audience} (required),
 * {@code workflow} (default {@value #DEFAULT_WORKFLOW}), {@code expires_in} (seconds). Answers JSON,
 * or the bare token for {@code Accept: text/plain}.
 */
final class DevPipelineTokensEndpoint extends Endpoint {

    static final String PATH = "/dev/pipeline-tokens";
    static final String DEFAULT_WORKFLOW = "deploy";

    private final PipelineTokens pipelineTokens;
    private final Duration defaultLifetime;

    DevPipelineTokensEndpoint(PipelineTokens pipelineTokens, Duration defaultLifetime) {
        super(PATH, "POST");
        this.pipelineTokens = pipelineTokens;
        this.defaultLifetime = defaultLifetime;
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        Map<String, ?> params = switch (Http.contentType(exchange)) {
            case "application/x-www-form-urlencoded" -> Http.parseForm(Http.body(exchange));
            case "application/json" -> Http.parseJsonObject(Http.body(exchange));
            default -> throw OAuthError.invalidRequest("send a form (application/x-www-form-urlencoded) or JSON body");
        };
        String workflow = string(params, "workflow");
        IssuedToken token;
        try {
            token = pipelineTokens.mint(string(params, "repository"), string(params, "ref"),
                    string(params, "environment"), workflow == null ? DEFAULT_WORKFLOW : workflow,
                    string(params, "audience"), lifetime(params));
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest(e.getMessage());
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            Http.sendText(exchange, token.value() + "\n");
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", token.value());
        response.put("token_type", "Bearer");
        response.put("expires_in", token.expiresInSeconds());
        response.put("zt_development_only", true);
        Http.sendJson(exchange, 200, response, "no-store");
    }

    private static String string(Map<String, ?> params, String name) {
        Object value = params.get(name);
        if (value == null || value instanceof String) {
            String text = (String) value;
            return text == null || text.isEmpty() ? null : text;
        }
        throw OAuthError.invalidRequest("'" + name + "' must be a string");
    }

    private Duration lifetime(Map<String, ?> params) {
        Object value = params.get("expires_in");
        if (value == null) {
            return defaultLifetime;
        }
        try {
            long seconds = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw OAuthError.invalidRequest("'expires_in' must be a number of seconds");
        }
    }
}
