package dev.zt.filter;

import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import dev.zt.core.Scopes;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenVerifier;
import dev.zt.filter.internal.ConfigurationException;
import dev.zt.filter.internal.PathRules;
import dev.zt.filter.internal.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the {@link ZeroTrustFilter} needs: the token verifier, the public paths, the per-path
 * scope gates and the realm. Immutable; built from configuration ({@link #fromConfiguration}) or
 * in code ({@link #builder}).
 */
public final class ZeroTrustSettings {

    private final TokenVerifier verifier;
    private final PathRules<Boolean> publicPaths;
    private final PathRules<Set<String>> pathScopes;
    private final String realm;
    private final Clock clock;

    private ZeroTrustSettings(Builder b) {
        this.verifier = b.verifier;
        this.publicPaths = new PathRules<>(b.publicPaths);
        this.pathScopes = new PathRules<>(b.pathScopes);
        this.realm = b.realm;
        this.clock = b.clock;
    }

    public static Builder builder(TokenVerifier verifier) {
        return new Builder(verifier);
    }

    /**
     * Reads every key of {@link ConfigKeys} through {@code lookup} and builds the settings.
     *
     * @throws IllegalStateException naming the key when a mandatory setting is missing or a value is invalid
     */
    public static ZeroTrustSettings fromConfiguration(Function<String, String> lookup, Clock clock) {
        Settings settings = new Settings(lookup);
        try {
            TokenPolicy policy = policy(settings);
            KeySource keys = keys(settings, clock);
            TokenVerifier.Builder verifier = TokenVerifier.builder(policy, keys).clock(clock);
            Long cacheEntries = settings.number(ConfigKeys.CACHE_MAX_ENTRIES);
            if (cacheEntries != null) {
                try {
                    verifier.cacheEntries(cacheEntries);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ConfigKeys.CACHE_MAX_ENTRIES, "must be 0 (off) or positive");
                }
            }
            Builder b = builder(verifier.build()).clock(clock);
            for (String path : settings.list(ConfigKeys.PUBLIC_PATHS)) {
                try {
                    b.publicPath(path);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ConfigKeys.PUBLIC_PATHS, e.getMessage());
                }
            }
            for (String rule : settings.list(ConfigKeys.PATH_SCOPES)) {
                int eq = rule.indexOf('=');
                if (eq < 0) {
                    throw new ConfigurationException(ConfigKeys.PATH_SCOPES, "rule '" + rule + "' must look like /path/*=scope1 scope2");
                }
                try {
                    b.pathScope(rule.substring(0, eq).strip(), rule.substring(eq + 1).strip().split(" +"));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ConfigKeys.PATH_SCOPES, e.getMessage());
                }
            }
            String realm = settings.optional(ConfigKeys.REALM);
            if (realm != null) {
                try {
                    b.realm(realm);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ConfigKeys.REALM, e.getMessage());
                }
            }
            return b.build();
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static TokenPolicy policy(Settings s) {
        List<String> issuers = s.list(ConfigKeys.ISSUER);
        if (issuers.isEmpty()) {
            throw new ConfigurationException(ConfigKeys.ISSUER, "is mandatory and not set");
        }
        List<String> audiences = s.list(ConfigKeys.AUDIENCE);
        if (audiences.isEmpty()) {
            throw new ConfigurationException(ConfigKeys.AUDIENCE, "is mandatory and not set");
        }
        TokenPolicy.Builder p = TokenPolicy.forIssuer(issuers.get(0), issuers.subList(1, issuers.size()).toArray(String[]::new))
                .audience(audiences.get(0), audiences.subList(1, audiences.size()).toArray(String[]::new));
        apply(ConfigKeys.TOKEN_TYPES, s.list(ConfigKeys.TOKEN_TYPES), v -> p.tokenTypes(v));
        apply(ConfigKeys.ALGORITHMS, s.list(ConfigKeys.ALGORITHMS), v -> p.algorithms(v));
        apply(ConfigKeys.CLOCK_SKEW, s.duration(ConfigKeys.CLOCK_SKEW), p::clockSkew);
        apply(ConfigKeys.MAX_TOKEN_LIFETIME, s.duration(ConfigKeys.MAX_TOKEN_LIFETIME), p::maxTokenLifetime);
        apply(ConfigKeys.REQUIRED_CLAIMS, s.list(ConfigKeys.REQUIRED_CLAIMS), v -> p.requiredClaims(v));
        apply(ConfigKeys.TENANT_CLAIM, s.optional(ConfigKeys.TENANT_CLAIM), p::tenantClaim);
        apply(ConfigKeys.SCOPE_CLAIM, s.optional(ConfigKeys.SCOPE_CLAIM), p::scopeClaim);
        apply(ConfigKeys.PURPOSE_CLAIM, s.optional(ConfigKeys.PURPOSE_CLAIM), p::purposeClaim);
        apply(ConfigKeys.KIND_CLAIM, s.optional(ConfigKeys.KIND_CLAIM), p::kindClaim);
        Long size = s.number(ConfigKeys.MAX_TOKEN_SIZE);
        apply(ConfigKeys.MAX_TOKEN_SIZE, size == null ? null : size.intValue(), p::maxTokenBytes);
        try {
            return p.build();
        } catch (IllegalArgumentException e) {
            // TokenPolicy names the key (zt.*) in its own messages.
            throw new ConfigurationException("invalid: " + e.getMessage(), e);
        }
    }

    private static <T> void apply(String key, T value, java.util.function.Consumer<T> setter) {
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, e.getMessage());
        }
    }

    private static KeySource keys(Settings s, Clock clock) {
        String uri = s.optional(ConfigKeys.JWKS_URI);
        String file = s.optional(ConfigKeys.JWKS_FILE);
        if (uri == null && file == null) {
            throw new ConfigurationException(ConfigKeys.JWKS_URI, "or " + ConfigKeys.JWKS_FILE + " is mandatory: zt needs the issuer's keys");
        }
        if (uri != null && file != null) {
            throw new ConfigurationException(ConfigKeys.JWKS_URI, "and " + ConfigKeys.JWKS_FILE + " are both set: choose one");
        }
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new ConfigurationException(ConfigKeys.JWKS_FILE, "names a file that cannot be read: " + file);
            }
            try {
                return Jwks.fromFile(path);
            } catch (RuntimeException e) {
                throw new ConfigurationException(ConfigKeys.JWKS_FILE, "is not a usable JWKS: " + e.getMessage());
            }
        }
        try {
            Jwks.Builder jwks = Jwks.fromUri(URI.create(uri)).clock(clock);
            Duration cacheDuration = s.duration(ConfigKeys.JWKS_CACHE_DURATION);
            if (cacheDuration != null) {
                jwks.defaultCacheDuration(cacheDuration);
            }
            Duration staleness = s.duration(ConfigKeys.JWKS_MAX_STALENESS);
            if (staleness != null) {
                jwks.maxStaleness(staleness);
            }
            Duration minRefresh = s.duration(ConfigKeys.JWKS_MIN_REFRESH_INTERVAL);
            if (minRefresh != null) {
                jwks.minRefreshInterval(minRefresh);
            }
            jwks.allowInsecureHttp(s.flag(ConfigKeys.JWKS_ALLOW_INSECURE_HTTP));
            return jwks.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ConfigKeys.JWKS_URI, "is not usable: " + e.getMessage());
        }
    }

    public TokenVerifier verifier() {
        return verifier;
    }

    PathRules<Boolean> publicPaths() {
        return publicPaths;
    }

    PathRules<Set<String>> pathScopes() {
        return pathScopes;
    }

    public String realm() {
        return realm;
    }

    public Clock clock() {
        return clock;
    }

    /** Builds {@link ZeroTrustSettings} in code. */
    public static final class Builder {
        private final TokenVerifier verifier;
        private final List<PathRules.Rule<Boolean>> publicPaths = new ArrayList<>();
        private final List<PathRules.Rule<Set<String>>> pathScopes = new ArrayList<>();
        private String realm = "zt";
        private Clock clock = Clock.systemUTC();

        private Builder(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /** A path that needs no token: exact ({@code /health}) or a prefix ({@code /public/*}). */
        public Builder publicPath(String pattern) {
            PathRules.checkPattern(pattern);
            if (pattern.equals("/*")) {
                throw new IllegalArgumentException("'/*' would make every path public; zt protects every path it can");
            }
            publicPaths.add(new PathRules.Rule<>(pattern, Boolean.TRUE));
            return this;
        }

        /** Requests under {@code pattern} need all of {@code scopes}, checked before the application runs. */
        public Builder pathScope(String pattern, String... scopes) {
            PathRules.checkPattern(pattern);
            Set<String> required = new LinkedHashSet<>(List.of(scopes));
            if (required.isEmpty() || !required.stream().allMatch(Scopes::isValidScopeToken)) {
                throw new IllegalArgumentException("path scope rule '" + pattern + "' needs valid RFC 6749 scope tokens");
            }
            pathScopes.add(new PathRules.Rule<>(pattern, Set.copyOf(required)));
            return this;
        }

        public Builder realm(String realm) {
            if (realm == null || realm.isBlank() || !realm.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\')) {
                throw new IllegalArgumentException("zt.realm must be printable ASCII without quotes or backslashes");
            }
            this.realm = realm;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ZeroTrustSettings build() {
            return new ZeroTrustSettings(this);
        }
    }
}
