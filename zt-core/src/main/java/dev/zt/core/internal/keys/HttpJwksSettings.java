package dev.zt.core.internal.keys;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated configuration of a JWKS fetched over HTTP(S); see {@code dev.zt.core.Jwks.Builder}
 * for the meaning and defaults of each member. A {@code null} {@code httpClient} is replaced by a
 * client that never follows redirects.
 */
public record HttpJwksSettings(URI uri, Clock clock, HttpClient httpClient, Duration defaultCacheDuration,
        Duration minCacheDuration, Duration maxCacheDuration, Duration maxStaleness, Duration minRefreshInterval,
        Duration timeout, int maxResponseBytes, boolean allowInsecureHttp) {

    public HttpJwksSettings {
        Objects.requireNonNull(uri, "ZT-5020 the JWKS URI must not be null");
        Objects.requireNonNull(clock, "ZT-5020 the clock must not be null");
        checkUri(uri, allowInsecureHttp);
        positive("defaultCacheDuration", defaultCacheDuration);
        positive("minCacheDuration", minCacheDuration);
        positive("maxCacheDuration", maxCacheDuration);
        positive("minRefreshInterval", minRefreshInterval);
        positive("timeout", timeout);
        Objects.requireNonNull(maxStaleness, "ZT-5020 maxStaleness must not be null");
        if (maxStaleness.isNegative()) {
            throw new IllegalArgumentException("ZT-5020 maxStaleness must not be negative, was " + maxStaleness);
        }
        if (minCacheDuration.compareTo(maxCacheDuration) > 0) {
            throw new IllegalArgumentException("ZT-5020 minCacheDuration " + minCacheDuration
                    + " exceeds maxCacheDuration " + maxCacheDuration);
        }
        if (defaultCacheDuration.compareTo(minCacheDuration) < 0 || defaultCacheDuration.compareTo(maxCacheDuration) > 0) {
            throw new IllegalArgumentException("ZT-5020 defaultCacheDuration " + defaultCacheDuration
                    + " lies outside [minCacheDuration, maxCacheDuration] = [" + minCacheDuration + ", "
                    + maxCacheDuration + "]");
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("ZT-5020 maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
    }

    private static void checkUri(URI uri, boolean allowInsecureHttp) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("ZT-5021 the JWKS URI must be an absolute https:// URI with a host, was "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ZT-5021 the JWKS URI must not carry credentials (user info);"
                    + " configure them on the HttpClient instead");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("ZT-5022 the JWKS URI " + uri + " uses plain http to a non-loopback"
                    + " host: anyone on the path could replace the trusted keys. Use https, or allowInsecureHttp(true)"
                    + " for a test setup");
        }
    }

    /** Loopback by name ({@code localhost}) or by IP literal, without a DNS lookup. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, "ZT-5020 " + name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ZT-5020 " + name + " must be positive, was " + value);
        }
    }
}
