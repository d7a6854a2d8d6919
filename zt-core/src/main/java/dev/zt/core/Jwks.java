package dev.zt.core;

import dev.zt.core.internal.keys.HttpJwksSettings;
import dev.zt.core.internal.keys.HttpJwksSource;
import dev.zt.core.internal.keys.StaticKeySource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Trusted key sets (RFC 7517 JWKS) as {@link KeySource}s: inline JSON, a file, or a URI.
 *
 * <p>Every source applies the same binding rules. A JWK becomes a trusted key only if it is a
 * public RSA (at least 2048 bits, odd exponent at least 3, no ROCA fingerprint), EC (P-256, P-384,
 * P-521, point on the curve) or OKP (Ed25519, Ed448) key; with no {@code use} or {@code use: sig};
 * with no {@code key_ops} or ones containing {@code verify}; without private members; whose
 * declared {@code alg} fits its type and curve. It may then verify exactly its declared {@code alg},
 * or, without one, every algorithm its type and curve allow. Symmetric ({@code oct}) keys are never
 * trusted, so no HMAC token verifies against a JWKS. JWKs sharing a {@code kid} are all ignored.
 * Each ignored JWK is logged once per load ({@code ZT-5001}, kid and reason only).
 *
 * <pre>{@code
 * KeySource keys = Jwks.fromUri(URI.create("https://idp.example.com/realms/acme/protocol/openid-connect/certs"))
 *         .maxStaleness(Duration.ofMinutes(15))
 *         .build();
 * }</pre>
 */
public final class Jwks {

    private Jwks() {
    }

    /**
     * A fixed key set parsed once from {@code jwksJson}.
     *
     * @throws IllegalArgumentException if the JSON is not a JWKS or none of its keys is usable
     */
    public static KeySource fromJson(String jwksJson) {
        Objects.requireNonNull(jwksJson, "ZT-5010 the JWKS JSON must not be null");
        return StaticKeySource.of(jwksJson, "an inline JWKS");
    }

    /**
     * A fixed key set read once, now, from a UTF-8 file; later changes to the file are not seen.
     *
     * @throws IllegalArgumentException if the file cannot be read, is not a JWKS, or has no usable key
     */
    public static KeySource fromFile(Path jwksFile) {
        Objects.requireNonNull(jwksFile, "ZT-5012 the JWKS file must not be null");
        String json;
        try {
            json = Files.readString(jwksFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("ZT-5012 cannot read the JWKS file " + jwksFile + ": " + e, e);
        }
        return StaticKeySource.of(json, "the JWKS file " + jwksFile);
    }

    /** A key set fetched from {@code jwksUri}; see {@link Builder} for refresh and retention. */
    public static Builder fromUri(URI jwksUri) {
        return new Builder(jwksUri);
    }

    /**
     * Configures a JWKS fetched over HTTP(S). Nothing is fetched at {@link #build()}: the first
     * {@link KeySource#keysFor} fetches (so start-up never depends on the identity provider), and
     * a failure of that fetch is {@link RejectionReason#KEYS_UNAVAILABLE}, like every later
     * unavailability. A fetch succeeds only on status 200 (redirects are not followed) with a JSON
     * body of at most {@link #maxResponseBytes} holding at least one usable key.
     */
    public static final class Builder {

        private final URI uri;
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private Duration defaultCacheDuration = Duration.ofMinutes(5);
        private Duration minCacheDuration = Duration.ofSeconds(30);
        private Duration maxCacheDuration = Duration.ofHours(24);
        private Duration maxStaleness = Duration.ofMinutes(15);
        private Duration minRefreshInterval = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(5);
        private int maxResponseBytes = 512 * 1024;
        private boolean allowInsecureHttp;

        private Builder(URI uri) {
            this.uri = uri;
        }

        /** The time source of freshness, retention and rate limiting. Default: the UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The client to fetch with. Default: a client that never follows redirects, connect timeout = {@link #timeout}. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Freshness when the response has no usable {@code Cache-Control: max-age}. Default 5 minutes. */
        public Builder defaultCacheDuration(Duration duration) {
            this.defaultCacheDuration = duration;
            return this;
        }

        /** The shortest freshness, also used for {@code no-store}/{@code no-cache}. Default 30 seconds. */
        public Builder minCacheDuration(Duration duration) {
            this.minCacheDuration = duration;
            return this;
        }

        /** The longest freshness, whatever {@code max-age} says. Default 24 hours. */
        public Builder maxCacheDuration(Duration duration) {
            this.maxCacheDuration = duration;
            return this;
        }

        /**
         * How long a key set stays usable after it went stale while refreshes fail (identity provider
         * unreachable); after that every lookup fails closed. Default 15 minutes; zero is allowed.
         */
        public Builder maxStaleness(Duration duration) {
            this.maxStaleness = duration;
            return this;
        }

        /** The least time between the starts of two fetch attempts, whatever triggers them. Default 30 seconds. */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = interval;
            return this;
        }

        /** The bound of one fetch, from request to complete body, and of a caller's wait for it. Default 5 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The largest accepted response body. Default 512 KiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Allows {@code http://} to a non-loopback host. Default false; loopback hosts never need it. */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        /** @throws IllegalArgumentException (or NullPointerException for a null value) naming the wrong setting */
        public KeySource build() {
            return new HttpJwksSource(new HttpJwksSettings(uri, clock, httpClient, defaultCacheDuration,
                    minCacheDuration, maxCacheDuration, maxStaleness, minRefreshInterval, timeout, maxResponseBytes,
                    allowInsecureHttp));
        }
    }
}
