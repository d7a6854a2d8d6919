package dev.zt.devissuer;

import dev.zt.core.testing.MutableClock;
import dev.zt.core.Jwks;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenVerifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** The issuer set-up the tests share, and zt verification under its DEFAULT policy. */
final class Fixtures {

    static final String ORDERS = "orders-service";
    static final String INVENTORY = "inventory-service";
    static final String BILLING = "billing-service";
    static final String REPORTING = "reporting-job";

    private Fixtures() {
    }

    static MutableClock clock() {
        return MutableClock.startingAt("2030-01-01T09:00:00Z");
    }

    static DevIssuer.Builder issuer(MutableClock clock) {
        return DevIssuer.builder()
                .clock(clock)
                .client(DevClient.withId(ORDERS).audiences(INVENTORY, BILLING)
                        .scopes("inventory:read", "inventory:reserve", "billing:charge").build())
                .client(DevClient.withId(INVENTORY).audiences(BILLING).scopes("billing:charge").build())
                .client(DevClient.withId(REPORTING).audiences(ORDERS).scopes("orders:read").tenant("acme").build());
    }

    /** zt's default policy: only issuer and audience set, nothing relaxed. */
    static TokenVerifier verifier(DevIssuer issuer, MutableClock clock, String audience) {
        TokenPolicy policy = TokenPolicy.forIssuer(issuer.issuerUri().toString()).audience(audience).build();
        return TokenVerifier.builder(policy, Jwks.fromUri(issuer.jwksUri()).clock(clock).build()).clock(clock).build();
    }

    static Map<String, Object> header(String token) {
        return segment(token, 0);
    }

    static Map<String, Object> claims(String token) {
        return segment(token, 1);
    }

    private static Map<String, Object> segment(String token, int index) {
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new AssertionError(e);
        }
    }
}
