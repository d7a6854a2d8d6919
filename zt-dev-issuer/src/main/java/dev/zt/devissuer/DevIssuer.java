package dev.zt.devissuer;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A DEVELOPMENT-ONLY identity provider, embedded in the example app's default run and in test
 * suites so that nothing needs a real IdP. Never use it in production: it mints a token for any
 * user on request, keeps its keys in memory, and serves plain HTTP. It binds to loopback only.
 *
 * <p>It signs short-lived RFC 9068 access tokens that zt's default {@code TokenPolicy} accepts,
 * with keys generated at build time and rotated on a schedule, and serves:
 * <ul>
 *   <li>{@code GET /.well-known/jwks.json} and {@code GET /.well-known/openid-configuration};</li>
 *   <li>{@code POST /oauth2/token}: {@code client_credentials} and RFC 8693 token exchange, for the
 *       {@link DevClient}s registered here ({@code client_secret_basic});</li>
 *   <li>{@code POST /dev/tokens}: a user token for any subject, tenant, scopes and audience;</li>
 *   <li>{@code POST /dev/pipeline-tokens}: a CI pipeline OIDC token (GitHub Actions-style) for any
 *       repository, ref and environment, see {@link #mintPipelineToken}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (DevIssuer issuer = DevIssuer.builder()
 *         .client(DevClient.withId("orders-service").audiences("inventory-service").scopes("inventory:read").build())
 *         .build()
 *         .start()) {
 *     String userToken = issuer.mintUserToken("alice", "acme", List.of("orders:read"), "orders-service");
 *     String secret = issuer.clientSecret("orders-service");
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe. Time (token times, key rotation) comes from the configured {@link Clock} only.
 */
public final class DevIssuer implements AutoCloseable {

    /** Lifetime of tokens when nothing else is said: 5 minutes. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** No token of this issuer lives longer: 1 hour, zt's default maximum. */
    public static final Duration LIFETIME_CAP = Duration.ofHours(1);
    public static final Duration DEFAULT_ROTATION_INTERVAL = Duration.ofMinutes(30);
    public static final Duration DEFAULT_JWKS_MAX_AGE = Duration.ofSeconds(60);
    /** The {@code client_id} of user tokens from {@link #mintUserToken} and {@code /dev/tokens}. */
    public static final String USER_TOKEN_CLIENT_ID = "zt-dev-user-tokens";

    private final InetAddress address;
    private final int port;
    private final Clock clock;
    private final Duration maxTokenLifetime;
    private final Duration userTokenLifetime;
    private final Duration jwksMaxAge;
    private final KeyRing keys;
    private final ClientRegistry clients;
    private final Consumer<String> onIssued;

    private HttpServer server;
    private ExecutorService executor;
    private String issuer;
    private UserTokens userTokens;
    private PipelineTokens pipelineTokens;

    private DevIssuer(Builder b, InetAddress address, Duration overlap) {
        this.address = address;
        this.port = b.port;
        this.clock = b.clock;
        this.maxTokenLifetime = b.maxTokenLifetime;
        this.userTokenLifetime = b.userTokenLifetime;
        this.jwksMaxAge = b.jwksMaxAge;
        this.clients = new ClientRegistry(b.clients);
        this.keys = new KeyRing(b.algorithm, b.clock, b.rotationInterval, overlap);
        this.onIssued = b.onIssued;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the loopback address and starts serving; returns this issuer.
     *
     * @throws IllegalStateException if already started
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public synchronized DevIssuer start() {
        if (server != null) {
            throw new IllegalStateException("ZT-8009 this development issuer is already started");
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("ZT-8001 cannot bind " + address.getHostAddress() + ":" + port, e);
        }
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        issuer = "http://" + host + ":" + http.getAddress().getPort();
        TokenMinter minter = new TokenMinter(issuer, keys, clock, onIssued);
        userTokens = new UserTokens(minter, maxTokenLifetime);
        pipelineTokens = new PipelineTokens(minter, maxTokenLifetime);
        List<Endpoint> endpoints = List.of(
                new JwksEndpoint(keys, jwksMaxAge),
                new DiscoveryEndpoint(issuer),
                new TokenEndpoint(clients, Map.of(
                        ClientCredentialsGrant.GRANT_TYPE, new ClientCredentialsGrant(minter),
                        TokenExchangeGrant.GRANT_TYPE, new TokenExchangeGrant(issuer, keys, clock, minter))),
                new DevTokensEndpoint(userTokens, userTokenLifetime),
                new DevPipelineTokensEndpoint(pipelineTokens, userTokenLifetime));
        endpoints.forEach(e -> http.createContext(e.path(), e));
        http.createContext("/", exchange -> Http.sendStatus(exchange, 404, null));
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, task -> {
            Thread t = new Thread(task, "zt-dev-issuer-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.start();
        server = http;
        IssuerLog.started(issuer, keys.activeKeyId());
        return this;
    }

    /** The {@code iss} of every token, e.g. {@code http://127.0.0.1:41234}. */
    public URI issuerUri() {
        return URI.create(started());
    }

    public URI jwksUri() {
        return URI.create(started() + JwksEndpoint.PATH);
    }

    public URI tokenEndpoint() {
        return URI.create(started() + TokenEndpoint.PATH);
    }

    public URI devTokensEndpoint() {
        return URI.create(started() + DevTokensEndpoint.PATH);
    }

    /** {@code POST} here for a CI pipeline token; see {@link #mintPipelineToken}. */
    public URI devPipelineTokensEndpoint() {
        return URI.create(started() + DevPipelineTokensEndpoint.PATH);
    }

    public URI openIdConfigurationUri() {
        return URI.create(started() + DiscoveryEndpoint.PATH);
    }

    /** The ids of the registered clients. */
    public Set<String> clientIds() {
        return clients.ids();
    }

    /**
     * The secret generated for {@code clientId}, for an in-process caller. Never printed or logged
     * by the issuer.
     *
     * @throws IllegalArgumentException for an unknown client
     */
    public String clientSecret(String clientId) {
        return clients.secret(clientId);
    }

    /**
     * Writes the client's secret (no trailing newline) to {@code file}, readable by its owner only
     * (POSIX {@code rw-------}), atomically; returns the absolute path.
     */
    public Path writeClientSecret(String clientId, Path file) {
        Path written = SecretFiles.writeOwnerOnly(file, clients.secret(clientId));
        IssuerLog.secretWritten(clientId, written);
        return written;
    }

    /** A user token with the default user-token lifetime; see {@link #mintUserToken(String, String, Collection, String, Duration)}. */
    public String mintUserToken(String subject, String tenant, Collection<String> scopes, String audience) {
        return mintUserToken(subject, tenant, scopes, audience, userTokenLifetime);
    }

    /**
     * DEVELOPMENT ONLY: a signed user access token, no login involved. {@code client_id} is
     * {@link #USER_TOKEN_CLIENT_ID}.
     *
     * @param tenant   may be null for a token without a tenant
     * @param scopes   RFC 6749 scope tokens; may be empty
     * @param lifetime 1 second to the maximum token lifetime
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public String mintUserToken(String subject, String tenant, Collection<String> scopes, String audience,
                                Duration lifetime) {
        started();
        return userTokens.mint(subject, tenant, scopes, audience, lifetime).value();
    }

    /**
     * DEVELOPMENT ONLY: a signed CI pipeline OIDC token as GitHub Actions issues one, so that this
     * issuer can play a CI system: header {@code typ: JWT}; {@code sub} =
     * {@code repo:<repository>:environment:<environment>}; claims {@code repository}, {@code ref},
     * {@code environment}, {@code workflow}; no {@code client_id}, no tenant. It also carries the
     * claim {@code scope: "deploy:production admin:all"} on purpose: a zt issuer configured with
     * {@code profile=ci-pipeline} ignores a token's own scopes and grants only what its pipeline
     * rules say, and tests use this to prove it. The same is served at {@code POST /dev/pipeline-tokens}.
     *
     * @param lifetime 1 second to the maximum token lifetime
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public String mintPipelineToken(String repository, String ref, String environment, String workflow,
                                    String audience, Duration lifetime) {
        started();
        return pipelineTokens.mint(repository, ref, environment, workflow, audience, lifetime).value();
    }

    /** Rotates the signing key now (the pre-published next key starts signing); for tests. */
    public void rotateNow() {
        keys.rotateNow();
    }

    /** The {@code kid} new tokens are signed with. */
    public String signingKeyId() {
        return keys.activeKeyId();
    }

    /** The {@code kid}s in the JWKS now: the signing key, the next key, and retired keys in their overlap. */
    public List<String> publishedKeyIds() {
        return keys.publishedKeyIds();
    }

    /**
     * Ready-to-paste shell lines that fetch a user token for {@code alice} of {@code tenantA} and
     * {@code bob} of {@code tenantB} from {@code /dev/tokens} and call {@code resource} with each.
     * They contain no token and no secret.
     */
    public String curlExamples(URI resource, String audience, Collection<String> scopes, String tenantA, String tenantB) {
        return CurlExamples.render(devTokensEndpoint(), resource, audience, scopes, tenantA, tenantB);
    }

    /** Stops serving; idempotent. */
    @Override
    public synchronized void close() {
        if (server != null && executor != null && !executor.isShutdown()) {
            server.stop(0);
            executor.shutdownNow();
            IssuerLog.stopped(issuer);
        }
    }

    private synchronized String started() {
        if (server == null) {
            throw new IllegalStateException("ZT-8009 call start() first: the issuer URI includes the bound port");
        }
        return issuer;
    }

    /** Configures a {@link DevIssuer}; {@link #build()} refuses anything unsafe, naming the setting. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private SigningAlgorithm algorithm = SigningAlgorithm.RS256;
        private Duration rotationInterval = DEFAULT_ROTATION_INTERVAL;
        private Duration keyOverlap;
        private Duration maxTokenLifetime = LIFETIME_CAP;
        private Duration userTokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private Duration jwksMaxAge = DEFAULT_JWKS_MAX_AGE;
        private final List<DevClient> clients = new ArrayList<>();
        private Consumer<String> onIssued = token -> { };

        private Builder() {
        }

        /** A loopback address or name ({@code 127.0.0.1}, {@code ::1}, {@code localhost}). Default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Default 0: an ephemeral port, see {@link DevIssuer#issuerUri()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Hands every token this issuer signs (user, pipeline, client credentials, exchanged) to
         * {@code listener}, on the thread that minted it. For test harnesses that must know every
         * token in play, e.g. to prove that none of them reaches a log; never log them from here.
         */
        public Builder onIssued(Consumer<String> listener) {
            this.onIssued = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Default {@link SigningAlgorithm#RS256} (2048-bit keys). */
        public Builder algorithm(SigningAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /** How long a key signs before the next one takes over. Default 30 minutes. */
        public Builder rotationInterval(Duration interval) {
            this.rotationInterval = interval;
            return this;
        }

        /**
         * How long a retired key stays in the JWKS; at least {@link #maxTokenLifetime}, so no token
         * stops verifying because of a rotation. Default: the maximum token lifetime plus 1 minute
         * (a verifier's clock skew).
         */
        public Builder keyOverlap(Duration overlap) {
            this.keyOverlap = overlap;
            return this;
        }

        /** The longest lifetime of any token this issuer signs; at most 1 hour (the default). */
        public Builder maxTokenLifetime(Duration lifetime) {
            this.maxTokenLifetime = lifetime;
            return this;
        }

        /** Lifetime of user tokens when the caller names none. Default 5 minutes. */
        public Builder userTokenLifetime(Duration lifetime) {
            this.userTokenLifetime = lifetime;
            return this;
        }

        /** The JWKS {@code Cache-Control: max-age}; shorter than the rotation interval. Default 60 seconds. */
        public Builder jwksMaxAge(Duration maxAge) {
            this.jwksMaxAge = maxAge;
            return this;
        }

        /** Registers a client; its secret is generated by {@link #build()}. */
        public Builder client(DevClient client) {
            clients.add(Objects.requireNonNull(client, "client"));
            return this;
        }

        /**
         * Generates the keys and client secrets; does not bind yet (see {@link DevIssuer#start()}).
         *
         * @throws IllegalArgumentException ({@code ZT-8001}) for a host that is not loopback, or
         *                                  ({@code ZT-8002}) naming another wrong setting
         */
        public DevIssuer build() {
            InetAddress address = Loopback.resolve(host);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("ZT-8002 port must be 0 (ephemeral) to 65535, got " + port);
            }
            Objects.requireNonNull(clock, "ZT-8002 clock");
            Objects.requireNonNull(algorithm, "ZT-8002 algorithm");
            positive(rotationInterval, "rotationInterval");
            positive(maxTokenLifetime, "maxTokenLifetime");
            positive(userTokenLifetime, "userTokenLifetime");
            positive(jwksMaxAge, "jwksMaxAge");
            if (maxTokenLifetime.compareTo(LIFETIME_CAP) > 0) {
                throw new IllegalArgumentException("ZT-8002 maxTokenLifetime must be at most " + LIFETIME_CAP);
            }
            if (userTokenLifetime.compareTo(maxTokenLifetime) > 0) {
                throw new IllegalArgumentException("ZT-8002 userTokenLifetime must be at most maxTokenLifetime " + maxTokenLifetime);
            }
            for (DevClient client : clients) {
                if (client.tokenLifetime().compareTo(maxTokenLifetime) > 0) {
                    throw new IllegalArgumentException("ZT-8002 client " + client.id() + ": tokenLifetime "
                            + client.tokenLifetime() + " exceeds maxTokenLifetime " + maxTokenLifetime);
                }
            }
            Duration overlap = keyOverlap != null ? keyOverlap : maxTokenLifetime.plusMinutes(1);
            if (overlap.compareTo(maxTokenLifetime) < 0) {
                throw new IllegalArgumentException("ZT-8002 keyOverlap " + overlap + " is shorter than maxTokenLifetime "
                        + maxTokenLifetime + ": tokens would stop verifying after a rotation");
            }
            if (jwksMaxAge.compareTo(rotationInterval) >= 0) {
                throw new IllegalArgumentException("ZT-8002 jwksMaxAge must be shorter than rotationInterval, so verifiers "
                        + "learn the next key before it signs");
            }
            return new DevIssuer(this, address, overlap);
        }

        private static void positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("ZT-8002 " + name + " must be a positive duration, got " + value);
            }
        }
    }
}
