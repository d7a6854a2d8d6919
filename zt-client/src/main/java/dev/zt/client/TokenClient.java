package dev.zt.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Obtains short-lived service-to-service access tokens from an OAuth 2.0 token endpoint: client
 * credentials, or RFC 8693 token exchange on behalf of a user; caches them per request until
 * shortly before they expire; refreshes single-flight; fails closed. Thread-safe; build one per
 * token endpoint and client and share it.
 *
 * <pre>{@code
 * TokenClient tokens = TokenClient.builder(URI.create("https://idp.example/oauth2/token"))
 *         .clientId("orders-service")
 *         .clientSecret(Secret.fromFile(Path.of("/run/secrets/orders-client-secret")))
 *         .build();
 * HttpRequest call = tokens.authorize(HttpRequest.newBuilder(inventoryUri),
 *         TokenRequest.of("inventory-service", "inventory:read").onBehalfOf(userToken)).build();
 * }</pre>
 */
public final class TokenClient implements TokenSource {

    /** Environment variables read by {@link #fromEnvironment()}. */
    public static final String ENV_TOKEN_ENDPOINT = "ZT_TOKEN_ENDPOINT";
    public static final String ENV_CLIENT_ID = "ZT_CLIENT_ID";
    public static final String ENV_CLIENT_SECRET_FILE = "ZT_CLIENT_SECRET_FILE";
    public static final String ENV_CLIENT_SECRET = "ZT_CLIENT_SECRET";
    public static final String ENV_MAX_LIFETIME = "ZT_TOKEN_MAX_LIFETIME";
    public static final String ENV_REFRESH_MARGIN = "ZT_TOKEN_REFRESH_MARGIN";
    public static final String ENV_TIMEOUT = "ZT_TOKEN_TIMEOUT";
    public static final String ENV_ALLOW_HTTP = "ZT_TOKEN_ALLOW_HTTP";

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final Clock clock;
    private final Duration maxLifetime;
    private final RefreshPolicy refresh;
    private final boolean sendResource;
    private final TokenCache cache;

    private TokenClient(Builder builder, HttpClient http, RefreshPolicy refresh) {
        this.clientId = builder.clientId;
        this.clock = builder.clock;
        this.maxLifetime = builder.maxLifetime;
        this.refresh = refresh;
        this.sendResource = builder.sendResource;
        this.endpoint = new TokenEndpoint(builder.tokenEndpoint, builder.clientId, builder.secret, http,
                builder.timeout, builder.maxResponseBytes, builder.sendResource);
        this.cache = new TokenCache(builder.clock, builder.maxCacheEntries);
    }

    /** A builder for a client of {@code tokenEndpoint} (https, or http on a loopback address). */
    public static Builder builder(URI tokenEndpoint) {
        return new Builder(tokenEndpoint);
    }

    /**
     * A client configured from the environment: {@code ZT_TOKEN_ENDPOINT}, {@code ZT_CLIENT_ID}, and
     * exactly one of {@code ZT_CLIENT_SECRET_FILE} (preferred) or {@code ZT_CLIENT_SECRET} are
     * required; {@code ZT_TOKEN_MAX_LIFETIME} (default {@code PT5M}), {@code ZT_TOKEN_REFRESH_MARGIN}
     * (default {@code PT30S}), {@code ZT_TOKEN_TIMEOUT} (default {@code PT5S}), ISO-8601 durations,
     * and {@code ZT_TOKEN_ALLOW_HTTP} (default {@code false}) are optional.
     *
     * @throws IllegalStateException ({@code ZT-7101}) naming a missing variable
     * @throws IllegalArgumentException ({@code ZT-7102..7105}) naming an invalid one
     */
    public static TokenClient fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /** As {@link #fromEnvironment()}, reading the variables from {@code variables} (e.g. a config source). */
    public static TokenClient fromEnvironment(Function<String, String> variables) {
        return EnvironmentConfiguration.builder(variables).build();
    }

    /**
     * A token for {@code request}: from the cache while its remaining lifetime exceeds the refresh
     * margin, otherwise from the token endpoint (one request per key however many callers wait). A
     * token exchange is made on behalf of the actor bound to this thread ({@link dev.zt.core.ActorContext}).
     * Each token obtained from the endpoint is audited ({@code ZT-7000} GRANTED), each failure too
     * (DENIED, its own id); a cache hit is not.
     *
     * @throws ServiceTokenException when the endpoint gives no acceptable token (never a stale one), or
     *         ({@code ZT-7013}) for an exchange without a current actor
     * @throws IllegalArgumentException ({@code ZT-7106}) for a lifetime above the maximum or within the margin
     */
    @Override
    public ServiceToken token(TokenRequest request) {
        Objects.requireNonNull(request, "request");
        Duration lifetime = request.lifetime().orElse(maxLifetime);
        if (lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("ZT-7106 the requested lifetime " + lifetime
                    + " exceeds the maximum " + maxLifetime);
        }
        if (refresh.marginFor(lifetime).compareTo(lifetime) >= 0) {
            throw new IllegalArgumentException("ZT-7106 the requested lifetime " + lifetime
                    + " does not exceed the refresh margin " + refresh.marginFor(lifetime));
        }
        if (sendResource && !URI.create(request.audience()).isAbsolute()) {
            throw new IllegalArgumentException("ZT-7106 the audience must be an absolute URI to be sent as resource");
        }
        ClientAudit.Call call = ClientAudit.Call.now(clientId, request);
        if (request.isExchange() && call.actor() == null) {
            ServiceTokenException noActor = new ServiceTokenException(ServiceTokenException.Reason.NO_ACTOR,
                    "bind the user's actor (ActorContext) before exchanging their token");
            ClientLog.failed(request, noActor);
            ClientAudit.failed(call, noActor);
            throw noActor;
        }
        return cache.get(CacheKey.of(request, lifetime), key -> fetch(call, lifetime),
                failure -> ClientAudit.failed(call, failure));
    }

    /** One request to the endpoint; its outcome is logged and audited once, however many callers wait for it. */
    private CompletableFuture<ServiceToken> fetch(ClientAudit.Call call, Duration lifetime) {
        TokenRequest request = call.request();
        TokenResponses.Expectation expected =
                new TokenResponses.Expectation(request.isExchange(), lifetime, refresh, clock.instant());
        return endpoint.post(request).thenApply(response -> parse(response, expected)).handle((accepted, failure) -> {
            if (failure != null) {
                ServiceTokenException problem = Failures.asServiceTokenException(failure);
                ClientLog.failed(request, problem);
                ClientAudit.failed(call, problem);
                throw problem;
            }
            ServiceToken token = accepted.token();
            ClientLog.obtained(request, token.expiresAt());
            ClientAudit.obtained(call, accepted, Duration.between(expected.sentAt(), token.expiresAt()));
            return token;
        });
    }

    private TokenResponses.Accepted parse(HttpResponse<byte[]> response, TokenResponses.Expectation expected) {
        Instant now = clock.instant();
        return TokenResponses.parse(response.statusCode(), response.headers().firstValue("Content-Type"),
                response.body(), expected, now);
    }

    public URI tokenEndpoint() {
        return endpoint.uri();
    }

    public String clientId() {
        return clientId;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    @Override
    public String toString() {
        return "TokenClient[endpoint=" + endpoint.uri() + ", clientId=" + clientId + ", maxLifetime=" + maxLifetime
                + ", secret=<redacted>]";
    }

    /** Configuration of a {@link TokenClient}; checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {

        private final URI tokenEndpoint;
        private String clientId;
        private Secret secret;
        private Clock clock = Clock.systemUTC();
        private Duration maxLifetime = Duration.ofMinutes(5);
        private Duration refreshMargin = Duration.ofSeconds(30);
        private double refreshRatio = 0.10;
        private Duration timeout = Duration.ofSeconds(5);
        private long maxCacheEntries = 10_000;
        private int maxResponseBytes = 64 * 1024;
        private HttpClient httpClient;
        private boolean allowHttp;
        private boolean sendResource;

        private Builder(URI tokenEndpoint) {
            this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        }

        /** Required: the OAuth client id. */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /** Required: the client secret, sent with HTTP Basic ({@code client_secret_basic}). */
        public Builder clientSecret(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** The clock for token expiry and the cache. Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The longest lifetime a request may ask for, and the default one. Default 5 minutes; at most 1 day. */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
            return this;
        }

        /** The minimum time before expiry at which a token stops being handed out. Default 30 s. */
        public Builder refreshMargin(Duration refreshMargin) {
            this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
            return this;
        }

        /** The margin as a share of the token's lifetime, when larger than the fixed margin. Default 0.10. */
        public Builder refreshRatio(double refreshRatio) {
            this.refreshRatio = refreshRatio;
            return this;
        }

        /** The bound on one token request, connection included. Default 5 s; at most 1 minute. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The most cached tokens (one per audience, scopes, lifetime and subject). Default 10 000. */
        public Builder maxCacheEntries(long maxCacheEntries) {
            this.maxCacheEntries = maxCacheEntries;
            return this;
        }

        /** The largest accepted response body. Default 64 KiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** The HTTP client (e.g. with a custom trust store). Default: one that follows no redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Allows a plain-http token endpoint on a non-loopback host. Off by default; never in production. */
        public Builder allowInsecureHttp() {
            this.allowHttp = true;
            return this;
        }

        /** Also sends the audience as the RFC 8707 {@code resource} parameter (audiences must be absolute URIs). */
        public Builder resourceParameter(boolean sendResource) {
            this.sendResource = sendResource;
            return this;
        }

        /** @throws IllegalArgumentException / IllegalStateException ({@code ZT-71nn}) saying what is wrong */
        public TokenClient build() {
            EndpointPolicy.check(tokenEndpoint, allowHttp);
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalStateException("ZT-7101 the client id is not set: call clientId(..)");
            }
            if (secret == null) {
                throw new IllegalStateException("ZT-7101 the client secret is not set: call clientSecret(Secret...)");
            }
            positiveAtMost("maxLifetime", maxLifetime, Duration.ofDays(1));
            positiveAtMost("timeout", timeout, Duration.ofMinutes(1));
            RefreshPolicy refresh = new RefreshPolicy(refreshMargin, refreshRatio);
            if (refresh.marginFor(maxLifetime).compareTo(maxLifetime) >= 0) {
                throw new IllegalArgumentException("ZT-7105 the refresh margin " + refresh.marginFor(maxLifetime)
                        + " must be shorter than the maximum lifetime " + maxLifetime);
            }
            if (maxCacheEntries < 1) {
                throw new IllegalArgumentException("ZT-7105 maxCacheEntries must be at least 1");
            }
            if (maxResponseBytes < 1024 || maxResponseBytes > 1024 * 1024) {
                throw new IllegalArgumentException("ZT-7105 maxResponseBytes must be between 1 KiB and 1 MiB");
            }
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            return new TokenClient(this, http, refresh);
        }

        private static void positiveAtMost(String name, Duration value, Duration max) {
            if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("ZT-7105 " + name + " must be positive and at most " + max
                        + ", got " + value);
            }
        }

        @Override
        public String toString() {
            return "TokenClient.Builder[endpoint=" + tokenEndpoint + ", clientId=" + clientId + ", secret="
                    + (secret == null ? "unset" : "<redacted>") + "]";
        }
    }
}
