package dev.zt.client;

import static dev.zt.client.TokenClient.ENV_ALLOW_HTTP;
import static dev.zt.client.TokenClient.ENV_CLIENT_ID;
import static dev.zt.client.TokenClient.ENV_CLIENT_SECRET;
import static dev.zt.client.TokenClient.ENV_CLIENT_SECRET_FILE;
import static dev.zt.client.TokenClient.ENV_MAX_LIFETIME;
import static dev.zt.client.TokenClient.ENV_REFRESH_MARGIN;
import static dev.zt.client.TokenClient.ENV_TIMEOUT;
import static dev.zt.client.TokenClient.ENV_TOKEN_ENDPOINT;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/** Reads the {@code ZT_*} variables of {@link TokenClient#fromEnvironment()} into a builder. */
final class EnvironmentConfiguration {

    private EnvironmentConfiguration() {
    }

    static TokenClient.Builder builder(Function<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        TokenClient.Builder builder = TokenClient.builder(uri(required(variables, ENV_TOKEN_ENDPOINT)))
                .clientId(required(variables, ENV_CLIENT_ID));
        String file = optional(variables, ENV_CLIENT_SECRET_FILE);
        String secret = optional(variables, ENV_CLIENT_SECRET);
        if (file != null && secret != null) {
            throw new IllegalArgumentException("ZT-7104 set only one of " + ENV_CLIENT_SECRET_FILE + " and "
                    + ENV_CLIENT_SECRET);
        }
        if (file == null && secret == null) {
            throw new IllegalStateException("ZT-7101 the environment variable " + ENV_CLIENT_SECRET_FILE
                    + " (or " + ENV_CLIENT_SECRET + ") is not set");
        }
        builder.clientSecret(file != null ? Secret.fromFile(Path.of(file))
                : Secret.fromEnvironment(ENV_CLIENT_SECRET, variables));
        String maxLifetime = optional(variables, ENV_MAX_LIFETIME);
        if (maxLifetime != null) {
            builder.maxLifetime(duration(ENV_MAX_LIFETIME, maxLifetime));
        }
        String margin = optional(variables, ENV_REFRESH_MARGIN);
        if (margin != null) {
            builder.refreshMargin(duration(ENV_REFRESH_MARGIN, margin));
        }
        String timeout = optional(variables, ENV_TIMEOUT);
        if (timeout != null) {
            builder.timeout(duration(ENV_TIMEOUT, timeout));
        }
        String allowHttp = optional(variables, ENV_ALLOW_HTTP);
        if (allowHttp != null) {
            if (!allowHttp.equals("true") && !allowHttp.equals("false")) {
                throw new IllegalArgumentException("ZT-7105 " + ENV_ALLOW_HTTP + " must be true or false");
            }
            if (allowHttp.equals("true")) {
                builder.allowInsecureHttp();
            }
        }
        return builder;
    }

    private static String required(Function<String, String> variables, String name) {
        String value = optional(variables, name);
        if (value == null) {
            throw new IllegalStateException("ZT-7101 the environment variable " + name + " is not set");
        }
        return value;
    }

    private static String optional(Function<String, String> variables, String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ZT-7102 " + ENV_TOKEN_ENDPOINT + " is not a URI");
        }
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ZT-7105 " + name + " must be an ISO-8601 duration such as PT5M, got "
                    + value);
        }
    }
}
