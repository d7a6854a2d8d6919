package dev.zt.filter.internal;

import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import dev.zt.core.PipelineRule;
import dev.zt.core.TokenPolicy;
import dev.zt.filter.ConfigKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One trusted issuer as configuration describes it: its {@link TokenPolicy} and its keys. The
 * single-issuer keys ({@code zt.issuer}, {@code zt.jwks-uri}, ...) describe one issuer; each name in
 * {@code zt.issuers} describes another under {@code zt.issuers.<name>.*}, with the same key names.
 */
public record IssuerConfiguration(String name, TokenPolicy policy, KeySource keys) {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");
    private static final String PIPELINE_PROFILE = "ci-pipeline";
    private static final String ACCESS_TOKEN_PROFILE = "access-token";

    /** Every issuer the configuration names; at least one, or a {@link ConfigurationException}. */
    public static List<IssuerConfiguration> readAll(Settings settings, Clock clock) {
        List<IssuerConfiguration> issuers = new ArrayList<>();
        if (settings.optional(ConfigKeys.ISSUER) != null) {
            issuers.add(read("default", settings, clock));
        }
        for (String name : settings.list(ConfigKeys.ISSUERS)) {
            if (!NAME.matcher(name).matches()) {
                throw new ConfigurationException(ConfigKeys.ISSUERS, "names must be lower-case letters, digits and '-', was '" + name + "'");
            }
            if (issuers.stream().anyMatch(i -> i.name().equals(name))) {
                throw new ConfigurationException(ConfigKeys.ISSUERS, "names '" + name + "' twice");
            }
            issuers.add(read(name, settings.forIssuer(name), clock));
        }
        if (issuers.isEmpty()) {
            throw new ConfigurationException(ConfigKeys.ISSUER, "is mandatory and not set (or name issuers in " + ConfigKeys.ISSUERS + ")");
        }
        return issuers;
    }

    static IssuerConfiguration read(String name, Settings s, Clock clock) {
        return new IssuerConfiguration(name, policy(s), keys(s, clock));
    }

    private static TokenPolicy policy(Settings s) {
        List<String> issuers = s.list(ConfigKeys.ISSUER);
        if (issuers.isEmpty()) {
            throw new ConfigurationException(s.name(ConfigKeys.ISSUER), "is mandatory and not set");
        }
        List<String> audiences = s.list(ConfigKeys.AUDIENCE);
        if (audiences.isEmpty()) {
            throw new ConfigurationException(s.name(ConfigKeys.AUDIENCE), "is mandatory and not set");
        }
        TokenPolicy.Builder p = TokenPolicy.forIssuer(issuers.get(0), issuers.subList(1, issuers.size()).toArray(String[]::new))
                .audience(audiences.get(0), audiences.subList(1, audiences.size()).toArray(String[]::new));
        String profile = s.optional(ConfigKeys.PROFILE);
        if (profile != null && !profile.equals(ACCESS_TOKEN_PROFILE) && !profile.equals(PIPELINE_PROFILE)) {
            throw new ConfigurationException(s.name(ConfigKeys.PROFILE), "must be " + ACCESS_TOKEN_PROFILE + " or " + PIPELINE_PROFILE);
        }
        if (PIPELINE_PROFILE.equals(profile)) {
            p.tokenTypes("JWT");
            p.pipeline(pipelineRules(s));
        } else if (s.optional(ConfigKeys.PIPELINE_RULES) != null) {
            throw new ConfigurationException(s.name(ConfigKeys.PIPELINE_RULES), "needs " + s.name(ConfigKeys.PROFILE) + "=" + PIPELINE_PROFILE);
        }
        apply(s, ConfigKeys.TOKEN_TYPES, s.list(ConfigKeys.TOKEN_TYPES), v -> p.tokenTypes(v));
        apply(s, ConfigKeys.ALGORITHMS, s.list(ConfigKeys.ALGORITHMS), v -> p.algorithms(v));
        apply(s, ConfigKeys.CLOCK_SKEW, s.duration(ConfigKeys.CLOCK_SKEW), p::clockSkew);
        apply(s, ConfigKeys.MAX_TOKEN_LIFETIME, s.duration(ConfigKeys.MAX_TOKEN_LIFETIME), p::maxTokenLifetime);
        apply(s, ConfigKeys.REQUIRED_CLAIMS, s.list(ConfigKeys.REQUIRED_CLAIMS), v -> p.requiredClaims(v));
        apply(s, ConfigKeys.TENANT_CLAIM, s.optional(ConfigKeys.TENANT_CLAIM), p::tenantClaim);
        apply(s, ConfigKeys.SCOPE_CLAIM, s.optional(ConfigKeys.SCOPE_CLAIM), p::scopeClaim);
        apply(s, ConfigKeys.PURPOSE_CLAIM, s.optional(ConfigKeys.PURPOSE_CLAIM), p::purposeClaim);
        apply(s, ConfigKeys.KIND_CLAIM, s.optional(ConfigKeys.KIND_CLAIM), p::kindClaim);
        apply(s, ConfigKeys.DELEGATING_CLIENTS, s.list(ConfigKeys.DELEGATING_CLIENTS), v -> p.delegatingClients(v));
        Long size = s.number(ConfigKeys.MAX_TOKEN_SIZE);
        apply(s, ConfigKeys.MAX_TOKEN_SIZE, size == null ? null : size.intValue(), p::maxTokenBytes);
        try {
            return p.build();
        } catch (IllegalArgumentException e) {
            // TokenPolicy names the setting (zt.*) in its own messages; say which issuer.
            throw new ConfigurationException("of issuer " + s.name(ConfigKeys.ISSUER) + " invalid: " + e.getMessage(), e);
        }
    }

    /**
     * {@code repository=acme/app;ref=refs/heads/main;environment=production -> deploy:production, repository=acme/app -> build:read}.
     */
    private static List<PipelineRule> pipelineRules(Settings s) {
        List<PipelineRule> rules = new ArrayList<>();
        for (String text : s.list(ConfigKeys.PIPELINE_RULES)) {
            int arrow = text.indexOf("->");
            if (arrow < 0) {
                throw new ConfigurationException(s.name(ConfigKeys.PIPELINE_RULES),
                        "rule '" + text + "' must look like repository=acme/app;ref=refs/heads/main -> deploy:production");
            }
            PipelineRule.Builder rule = null;
            try {
                for (String condition : text.substring(0, arrow).split(";")) {
                    int eq = condition.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("condition '" + condition.strip() + "' must be claim=value");
                    }
                    String claim = condition.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = condition.substring(eq + 1).strip();
                    if (rule == null) {
                        if (!claim.equals("repository")) {
                            throw new IllegalArgumentException("a rule starts with repository=...");
                        }
                        rule = PipelineRule.repository(value);
                    } else {
                        rule.claim(claim, value);
                    }
                }
                rules.add(rule.grants(text.substring(arrow + 2).strip().split(" +")));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ConfigurationException(s.name(ConfigKeys.PIPELINE_RULES), e.getMessage());
            }
        }
        return rules;
    }

    private static <T> void apply(Settings s, String key, T value, Consumer<T> setter) {
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(s.name(key), e.getMessage());
        }
    }

    private static KeySource keys(Settings s, Clock clock) {
        String uri = s.optional(ConfigKeys.JWKS_URI);
        String file = s.optional(ConfigKeys.JWKS_FILE);
        if (uri == null && file == null) {
            throw new ConfigurationException(s.name(ConfigKeys.JWKS_URI), "or " + s.name(ConfigKeys.JWKS_FILE)
                    + " is mandatory: zt needs the issuer's keys");
        }
        if (uri != null && file != null) {
            throw new ConfigurationException(s.name(ConfigKeys.JWKS_URI), "and " + s.name(ConfigKeys.JWKS_FILE) + " are both set: choose one");
        }
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new ConfigurationException(s.name(ConfigKeys.JWKS_FILE), "names a file that cannot be read: " + file);
            }
            try {
                return Jwks.fromFile(path);
            } catch (RuntimeException e) {
                throw new ConfigurationException(s.name(ConfigKeys.JWKS_FILE), "is not a usable JWKS: " + e.getMessage());
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
            throw new ConfigurationException(s.name(ConfigKeys.JWKS_URI), "is not usable: " + e.getMessage());
        }
    }
}
