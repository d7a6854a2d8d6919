package dev.zt.filter;

import dev.zt.core.AuditTrail;
import dev.zt.core.Scopes;
import dev.zt.core.TokenVerifier;
import dev.zt.filter.internal.ConfigurationException;
import dev.zt.filter.internal.IssuerConfiguration;
import dev.zt.filter.internal.PathRules;
import dev.zt.filter.internal.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final AuditTrail auditTrail;

    private ZeroTrustSettings(Builder b) {
        this.auditTrail = b.auditTrail;
        this.verifier = b.verifier;
        this.publicPaths = new PathRules<>(b.publicPaths);
        this.pathScopes = new PathRules<>(b.pathScopes);
        this.realm = b.realm;
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
            List<IssuerConfiguration> issuers = IssuerConfiguration.readAll(settings, clock);
            TokenVerifier.Builder verifier = TokenVerifier.builder(issuers.get(0).policy(), issuers.get(0).keys()).clock(clock);
            for (IssuerConfiguration issuer : issuers.subList(1, issuers.size())) {
                verifier.trust(issuer.policy(), issuer.keys());
            }
            Long cacheEntries = settings.number(ConfigKeys.CACHE_MAX_ENTRIES);
            if (cacheEntries != null) {
                try {
                    verifier.cacheEntries(cacheEntries);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ConfigKeys.CACHE_MAX_ENTRIES, "must be 0 (off) or positive");
                }
            }
            Builder b;
            try {
                b = builder(verifier.build());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(ConfigKeys.ISSUERS, e.getMessage());
            }
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


    /**
     * A trail of the filter's own, if one was given; empty (the default) records refusals through
     * {@link dev.zt.core.Audit}: the deployment's installed trail, or straight to the {@code zt.audit} logger.
     */
    public Optional<AuditTrail> auditTrail() {
        return Optional.ofNullable(auditTrail);
    }

    /** Builds {@link ZeroTrustSettings} in code. */
    public static final class Builder {
        private final TokenVerifier verifier;
        private final List<PathRules.Rule<Boolean>> publicPaths = new ArrayList<>();
        private final List<PathRules.Rule<Set<String>>> pathScopes = new ArrayList<>();
        private String realm = "zt";
        private AuditTrail auditTrail;

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


        /**
         * Records the filter's DENIED audit events (one per refused request: 401, 400, 403 path scope)
         * in {@code trail} instead of the deployment's installed one ({@link dev.zt.core.Audit}).
         * The caller owns the trail and closes it when the application stops.
         */
        public Builder auditTrail(AuditTrail trail) {
            this.auditTrail = Objects.requireNonNull(trail, "trail");
            return this;
        }

        public ZeroTrustSettings build() {
            return new ZeroTrustSettings(this);
        }
    }
}
