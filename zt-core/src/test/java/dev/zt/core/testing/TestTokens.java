package dev.zt.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jca.ProviderContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * A pre-filled token builder: {@code TestTokens.valid().sign()} is a token every test policy
 * accepts; each hostile test changes exactly the thing it is about.
 *
 * <pre>{@code
 * String expired = TestTokens.valid().expiresAt(now.minusSeconds(120)).sign();
 * String noneAlg = TestTokens.valid().header("alg", "none").unsigned();
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.zt";
    public static final String AUDIENCE = "orders-service";

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private TestKeys.TestKey key = TestKeys.RS256;
    private Key signingKeyOverride;
    private String rawHeader;
    private String rawPayload;

    private TestTokens(Clock clock) {
        Instant now = clock.instant();
        header.put("alg", "RS256");
        header.put("typ", "at+jwt");
        header.put("kid", TestKeys.RS256.kid());
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", "alice");
        claims.put("client_id", "web-app");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("tenant", "acme");
        claims.put("scope", "orders:read orders:write");
    }

    /** A valid RS256 access token for alice of tenant acme, issued now by the system clock, valid 5 minutes. */
    public static TestTokens valid() {
        return new TestTokens(Clock.systemUTC());
    }

    public static TestTokens valid(Clock clock) {
        return new TestTokens(clock);
    }

    /** Signs with {@code key}, setting {@code alg} and {@code kid} to the key's. */
    public TestTokens signedWith(TestKeys.TestKey key) {
        this.key = key;
        header.put("alg", key.algorithm());
        header.put("kid", key.kid());
        return this;
    }

    /** Signs with this raw key (e.g. an HMAC key made of public key bytes), whatever the header says. */
    public TestTokens signingKey(Key rawKey) {
        this.signingKeyOverride = rawKey;
        return this;
    }

    public TestTokens header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    public TestTokens withoutHeader(String name) {
        header.remove(name);
        return this;
    }

    public TestTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TestTokens without(String claim) {
        claims.remove(claim);
        return this;
    }

    public TestTokens subject(String subject) {
        return claim("sub", subject);
    }

    public TestTokens tenant(String tenant) {
        return claim("tenant", tenant);
    }

    public TestTokens scope(String scope) {
        return claim("scope", scope);
    }

    public TestTokens issuedAt(Instant iat) {
        return claim("iat", iat.getEpochSecond());
    }

    public TestTokens expiresAt(Instant exp) {
        return claim("exp", exp.getEpochSecond());
    }

    /** Replaces the header JSON verbatim (e.g. to repeat a member name); signing still uses the builder's alg. */
    public TestTokens rawHeader(String json) {
        this.rawHeader = json;
        return this;
    }

    /** Replaces the payload JSON verbatim (e.g. duplicate claims). */
    public TestTokens rawPayload(String json) {
        this.rawPayload = json;
        return this;
    }

    public String headerJson() {
        return rawHeader != null ? rawHeader : JsonUtil.toJson(header);
    }

    public String payloadJson() {
        return rawPayload != null ? rawPayload : JsonUtil.toJson(claims);
    }

    /** The signed compact JWS. */
    public String sign() {
        String signingInput = b64(headerJson().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payloadJson().getBytes(StandardCharsets.UTF_8));
        String alg = String.valueOf(header.get("alg"));
        Key signingKey = signingKeyOverride != null ? signingKeyOverride : key.privateKey();
        try {
            JsonWebSignatureAlgorithm algorithm =
                    AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg);
            byte[] signature = algorithm.sign(algorithm.prepareForSign(signingKey, new ProviderContext()),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return MintedTokens.register(signingInput + "." + b64(signature));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign test token with " + alg, e);
        }
    }

    /** Header and payload with an empty signature segment ({@code alg: none} style). */
    public String unsigned() {
        return b64(headerJson().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payloadJson().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
