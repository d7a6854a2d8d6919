package dev.zt.keycloak.it;

import dev.zt.core.TokenVerifier;
import dev.zt.filter.ZeroTrustSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** zt configured as an operator would for Keycloak: the zt-filter keys, read by {@link ZeroTrustSettings#fromConfiguration}. */
final class ZtConfiguration {

    private ZtConfiguration() {
    }

    /** The configuration that accepts realm {@code realm}'s access tokens for {@code audience}, as issuer {@code name}. */
    static Map<String, String> keycloak(Keycloak keycloak, String name, String realm, String audience) {
        Map<String, String> config = new LinkedHashMap<>();
        String prefix = "zt.issuers." + name + ".";
        config.put("zt.issuers", name);
        config.put(prefix + "issuer", keycloak.issuer(realm));
        config.put(prefix + "audience", audience);
        config.put(prefix + "jwks-uri", keycloak.jwksUri(realm));
        config.put(prefix + "token-types", "JWT");
        config.put(prefix + "delegating-clients", Acme.ORDERS_SERVICE);
        config.put(prefix + "required-claims", "jti,azp");
        config.put(prefix + "max-token-lifetime", "10m");
        return config;
    }

    /** The configuration of a service trusting realm {@code acme} for {@code audience}. */
    static Map<String, String> acme(Keycloak keycloak, String audience) {
        return keycloak(keycloak, "keycloak", Acme.REALM, audience);
    }

    static TokenVerifier verifier(Map<String, String> config) {
        return ZeroTrustSettings.fromConfiguration(config::get, Clock.systemUTC()).verifier();
    }
}
