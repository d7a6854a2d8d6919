package dev.zt.filter;

import java.util.List;
import java.util.Locale;

/**
 * Every configuration key zt-filter reads. Each key is looked up, in this order, as a Java system
 * property ({@code -Dzt.audience=...}), an environment variable (upper case, {@code .} and
 * {@code -} as {@code _}: {@code ZT_AUDIENCE}), and a servlet context init-param of the same name
 * ({@code <context-param>} in web.xml). The first one set wins, so operators can override what a
 * WAR ships without rebuilding it. A missing mandatory key or an invalid value stops the deployment
 * with a message that names the key.
 */
public final class ConfigKeys {

    /** Mandatory. Trusted issuer(s), comma-separated, compared exactly with {@code iss}. */
    public static final String ISSUER = "zt.issuer";
    /** Mandatory. This service's audience(s), comma-separated; a token must name one. */
    public static final String AUDIENCE = "zt.audience";
    /** One of JWKS_URI / JWKS_FILE is mandatory. The issuer's JWKS (https, or http on loopback). */
    public static final String JWKS_URI = "zt.jwks-uri";
    /** A local JWKS file, for development and tests. */
    public static final String JWKS_FILE = "zt.jwks-file";
    /** Default {@code at+jwt}. Accepted {@code typ} values, comma-separated. */
    public static final String TOKEN_TYPES = "zt.token-types";
    /** Default {@code RS256,PS256,ES256,EdDSA}. */
    public static final String ALGORITHMS = "zt.algorithms";
    /** Default {@code 30s}; at most {@code 60s}. */
    public static final String CLOCK_SKEW = "zt.clock-skew";
    /** Default {@code 1h}: longer-lived tokens ({@code exp - iat}) are refused. */
    public static final String MAX_TOKEN_LIFETIME = "zt.max-token-lifetime";
    /** Default {@code jti}. Claims required besides {@code iss aud exp iat sub}, comma-separated. */
    public static final String REQUIRED_CLAIMS = "zt.required-claims";
    /** Default {@code tenant}. */
    public static final String TENANT_CLAIM = "zt.claims.tenant";
    /** Default {@code scope} (space-delimited string or array of strings). */
    public static final String SCOPE_CLAIM = "zt.claims.scope";
    /** Default {@code purpose}. */
    public static final String PURPOSE_CLAIM = "zt.claims.purpose";
    /** Default {@code actor_kind}. */
    public static final String KIND_CLAIM = "zt.claims.kind";
    /** Default {@code 8192} bytes, checked before decoding. */
    public static final String MAX_TOKEN_SIZE = "zt.max-token-size";
    /** Default none. Paths that need no token: exact ({@code /health}) or prefix ({@code /public/*}), comma-separated. */
    public static final String PUBLIC_PATHS = "zt.public-paths";
    /** Default none. Coarse scope gates: {@code /admin/*=admin:read admin:write, /reports/*=reports:read}. */
    public static final String PATH_SCOPES = "zt.path-scopes";
    /** Default {@code zt}. The {@code realm} of the {@code WWW-Authenticate} challenge. */
    public static final String REALM = "zt.realm";
    /** Default {@code 10000}; {@code 0} turns the verified-token cache off. */
    public static final String CACHE_MAX_ENTRIES = "zt.cache.max-entries";
    /** Default {@code 5m}: how long a JWKS is used when the response has no Cache-Control max-age. */
    public static final String JWKS_CACHE_DURATION = "zt.jwks.cache-duration";
    /** Default {@code 15m}: how long the last good JWKS stays usable while the IdP is unreachable. */
    public static final String JWKS_MAX_STALENESS = "zt.jwks.max-staleness";
    /** Default {@code 30s}: at most one refresh for unknown {@code kid}s per interval. */
    public static final String JWKS_MIN_REFRESH_INTERVAL = "zt.jwks.min-refresh-interval";
    /** Default {@code false}: plain http to a non-loopback JWKS host is refused. */
    public static final String JWKS_ALLOW_INSECURE_HTTP = "zt.jwks.allow-insecure-http";

    /**
     * Default none. More trusted issuers, by name: {@code keycloak, github}. Each is configured with
     * the keys above under {@code zt.issuers.<name>.} ({@code zt.issuers.keycloak.issuer},
     * {@code zt.issuers.keycloak.jwks-uri}, ...; environment {@code ZT_ISSUERS_KEYCLOAK_JWKS_URI}) and
     * judges only the tokens whose {@code iss} it names. {@link #ISSUER} and its keys are optional
     * when this is set.
     */
    public static final String ISSUERS = "zt.issuers";
    /** Default {@code access-token}; {@code ci-pipeline} makes the issuer's actors PIPELINEs (typ {@code JWT}). */
    public static final String PROFILE = "zt.profile";
    /**
     * For {@code zt.profile=ci-pipeline}: the only source of a pipeline's scopes, exact matches:
     * {@code repository=acme/app;ref=refs/heads/main;environment=production -> deploy:production, ...}.
     */
    public static final String PIPELINE_RULES = "zt.pipeline-rules";
    /** Default none. Clients whose {@code azp}/{@code client_id} acts for the token's {@code sub} (Keycloak token exchange). */
    public static final String DELEGATING_CLIENTS = "zt.delegating-clients";

    /**
     * Default {@code 10000}: how many audit events may wait for delivery; beyond that the newest are
     * dropped and counted. The trail is always on: every decision goes to the {@code zt.audit} logger
     * (one JSON line each), to every {@code dev.zt.core.AuditSink} and {@code dev.zt.core.AuditMetrics}
     * found with {@link java.util.ServiceLoader} (zt-cdi's CDI observers, zt-micrometer's counters).
     */
    public static final String AUDIT_QUEUE_CAPACITY = "zt.audit.queue-capacity";

    public static final List<String> ALL = List.of(ISSUER, ISSUERS, PROFILE, PIPELINE_RULES, DELEGATING_CLIENTS, AUDIENCE, JWKS_URI, JWKS_FILE, TOKEN_TYPES, ALGORITHMS,
            CLOCK_SKEW, MAX_TOKEN_LIFETIME, REQUIRED_CLAIMS, TENANT_CLAIM, SCOPE_CLAIM, PURPOSE_CLAIM, KIND_CLAIM,
            MAX_TOKEN_SIZE, PUBLIC_PATHS, PATH_SCOPES, REALM, CACHE_MAX_ENTRIES, JWKS_CACHE_DURATION,
            JWKS_MAX_STALENESS, JWKS_MIN_REFRESH_INTERVAL, JWKS_ALLOW_INSECURE_HTTP, AUDIT_QUEUE_CAPACITY);

    private ConfigKeys() {
    }

    /** {@code zt.jwks-uri} → {@code ZT_JWKS_URI}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
