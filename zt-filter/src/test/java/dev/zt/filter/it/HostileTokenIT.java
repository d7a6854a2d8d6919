package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static dev.zt.filter.it.Refusals.assertAccepted;
import static dev.zt.filter.it.Refusals.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.sun.net.httpserver.HttpServer;
import dev.zt.core.Jwks;
import dev.zt.core.testing.FixedKeySource;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * Forged, malformed and out-of-policy tokens, each sent over real HTTP to the filter in embedded
 * Jetty: every one is a 401 {@code invalid_token} with the same generic description, a bare
 * challenge and an RFC 9457 body. Beside them, the positive controls that prove the server accepts
 * what it should, so no refusal here passes "because nothing works".
 */
class HostileTokenIT {

    static final MutableClock CLOCK = MutableClock.startingNow();
    static final Instant NOW = CLOCK.instant();

    private static ZeroTrustServer server;
    private static ZeroTrustServer rotating;
    private static ZeroTrustServer scpServer;
    private static FixedKeySource rotatingKeys;
    private static HttpServer attacker;
    private static final AtomicInteger ATTACKER_HITS = new AtomicInteger();
    private static final Set<String> INVALID_TOKEN_BODIES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        LogCapture.install();
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).build());
        rotatingKeys = FixedKeySource.of(TestKeys.RS256, TestKeys.NEXT_RS256);
        rotating = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                rotatingKeys, CLOCK).build());
        scpServer = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().scopeClaim("scp").build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).build());
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            ATTACKER_HITS.incrementAndGet();
            byte[] body = TestKeys.jwksOf(TestKeys.NEXT_RS256).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {server, rotating, scpServer}) {
            if (c != null) {
                c.close();
            }
        }
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    static TestTokens valid() {
        return TestTokens.valid(CLOCK);
    }

    private static Reply send(String token) {
        return new Http(server).bearer("/orders", token);
    }

    // ---------------------------------------------------------------- positive controls

    @Test
    void requestWhenTokenValidThenAcceptedWithItsActor() {
        Map<String, Object> seen = assertAccepted(send(valid().sign()), "alice");

        assertThat(seen).containsEntry("tenant", "acme")
                .containsEntry("principalTenant", "acme")
                .containsEntry("scopes", List.of("orders:read", "orders:write"))
                .containsEntry("actedBy", List.of())
                .containsEntry("kind", "USER");
    }

    static Stream<Arguments> acceptedTokens() {
        return Stream.of(
                accepted("PS256 with the published ps-1 key", () -> valid().signedWith(TestKeys.PS256).sign()),
                accepted("ES256 with the published es-1 key", () -> valid().signedWith(TestKeys.ES256).sign()),
                accepted("EdDSA with the published ed-1 key", () -> valid().signedWith(TestKeys.EDDSA).sign()),
                accepted("expired 29 s ago, within the 30 s skew",
                        () -> valid().issuedAt(NOW.minusSeconds(300)).expiresAt(NOW.minusSeconds(29)).sign()),
                accepted("lifetime exactly 1 h", () -> valid().expiresAt(NOW.plus(Duration.ofHours(1))).sign()),
                accepted("nbf 29 s ahead, within skew", () -> valid().claim("nbf", NOW.plusSeconds(29).getEpochSecond()).sign()),
                accepted("aud array containing ours", () -> valid().claim("aud", List.of("other-service", TestTokens.AUDIENCE)).sign()),
                accepted("typ application/at+jwt", () -> valid().header("typ", "application/at+jwt").sign()),
                accepted("typ AT+JWT (case-insensitive)", () -> valid().header("typ", "AT+JWT").sign()),
                accepted("tenant a.b-c_d", () -> valid().tenant("a.b-c_d").sign()),
                accepted("tenant of 64 characters", () -> valid().tenant("t".repeat(64)).sign()),
                accepted("no tenant claim at all", () -> valid().without("tenant").sign()),
                accepted("scope as an array of strings", () -> valid().claim("scope", List.of("orders:read")).sign()),
                accepted("empty scope string", () -> valid().scope("").sign()));
    }

    @ParameterizedTest(name = "{0} → 200")
    @MethodSource("acceptedTokens")
    void requestWhenTokenAcceptableThenAccepted(Supplier<String> token) {
        assertAccepted(send(token.get()), "alice");
    }

    @Test
    void requestWhenTokenDelegatedThenEchoShowsTheActingParty() {
        String token = valid().claim("act", Map.of("sub", "agent-7", "client_id", "billing-bot")).sign();

        Map<String, Object> seen = assertAccepted(send(token), "alice");

        assertThat(seen).containsEntry("actedBy", List.of("agent-7"));
    }

    @Test
    void requestWhenDelegationChainThreeDeepThenWholeChainSeen() {
        String token = valid().claim("act", nestedAct(3)).sign();

        Map<String, Object> seen = assertAccepted(send(token), "alice");

        assertThat(seen).containsEntry("actedBy", List.of("agent-1", "agent-2", "agent-3"));
    }

    @Test
    void requestWhenScpArrayConfiguredThenScopesFromScp() {
        String token = valid().without("scope").claim("scp", List.of("orders:read", "reports:read")).sign();

        Map<String, Object> seen = assertAccepted(new Http(scpServer).bearer("/orders", token), "alice");

        assertThat(seen).containsEntry("scopes", List.of("orders:read", "reports:read"));
    }

    @Test
    void requestWhenScpArrayHoldsANumberThenInvalidToken() {
        String token = valid().without("scope").claim("scp", List.of("orders:read", 7)).sign();

        assertInvalidToken(new Http(scpServer).bearer("/orders", token));
    }

    // ---------------------------------------------------------------- the hostile table

    static Stream<Arguments> hostileTokens() {
        List<Arguments> cases = new ArrayList<>();
        // signatures
        cases.add(hostile("signature with one bit flipped", () -> Tokens.flipSignatureByte(valid().sign())));
        cases.add(hostile("payload changed after signing (sub → mallory)",
                () -> Tokens.withPayload(valid().sign(), valid().subject("mallory").payloadJson())));
        cases.add(hostile("payload changed after signing (scope widened)",
                () -> Tokens.withPayload(valid().sign(), valid().scope("orders:read orders:write admin:write").payloadJson())));
        cases.add(hostile("signature of another valid token", () -> Tokens.withSignature(valid().sign(),
                Tokens.segments(valid().subject("bob").sign())[2])));
        cases.add(hostile("empty signature segment on an RS256 token", () -> Tokens.withSignature(valid().sign(), "")));
        cases.add(hostile("untrusted key under the trusted kid rs-1", () -> valid().signedWith(TestKeys.UNTRUSTED_RS256).sign()));
        cases.add(hostile("unpublished rs-2 key", () -> valid().signedWith(TestKeys.NEXT_RS256).sign()));
        cases.add(hostile("header alg PS256 on kid ps-1, PSS signature by the RS256 key",
                () -> valid().header("alg", "PS256").header("kid", "ps-1").signingKey(TestKeys.RS256.privateKey()).sign()));
        cases.add(hostile("alg RS384, not on the allow-list", () -> valid().header("alg", "RS384").sign()));
        // alg none
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            cases.add(hostile("alg " + none + " without signature", () -> valid().header("alg", none).unsigned()));
            cases.add(hostile("alg " + none + " with a real RS256 signature appended",
                    () -> valid().header("alg", none).unsigned() + Tokens.segments(valid().sign())[2]));
        }
        // HMAC with the public key as secret
        cases.add(hostile("HS256 keyed with the RSA public key DER bytes, kid rs-1",
                () -> valid().header("alg", "HS256").signingKey(hmac(TestKeys.RS256.publicKey().getEncoded())).sign()));
        cases.add(hostile("HS256 keyed with the RSA public key PEM text, kid rs-1",
                () -> valid().header("alg", "HS256").signingKey(hmac(pem(TestKeys.RS256.publicKey().getEncoded()))).sign()));
        cases.add(hostile("HS256 keyed with the RSA public JWK JSON, kid rs-1",
                () -> valid().header("alg", "HS256").signingKey(hmac(JsonUtil.toJson(TestKeys.RS256.publicJwk())
                        .getBytes(StandardCharsets.UTF_8))).sign()));
        cases.add(hostile("HS256 keyed with the RSA public key DER bytes, no kid",
                () -> valid().header("alg", "HS256").withoutHeader("kid")
                        .signingKey(hmac(TestKeys.RS256.publicKey().getEncoded())).sign()));
        cases.add(hostile("HS256 keyed with the EC public key DER bytes, kid es-1",
                () -> valid().header("alg", "HS256").header("kid", "es-1")
                        .signingKey(hmac(TestKeys.ES256.publicKey().getEncoded())).sign()));
        // embedded keys
        cases.add(hostile("embedded jwk header with the attacker's key and kid",
                () -> valid().signedWith(TestKeys.NEXT_RS256).header("jwk", TestKeys.NEXT_RS256.publicJwk()).sign()));
        cases.add(hostile("embedded jwk header with the attacker's key under the trusted kid rs-1",
                () -> valid().signedWith(TestKeys.NEXT_RS256).header("kid", "rs-1").header("jwk", TestKeys.NEXT_RS256.publicJwk()).sign()));
        cases.add(hostile("embedded jwk header without kid",
                () -> valid().signedWith(TestKeys.NEXT_RS256).withoutHeader("kid").header("jwk", TestKeys.NEXT_RS256.publicJwk()).sign()));
        cases.add(hostile("x5c header with the attacker's key material, trusted kid",
                () -> valid().signedWith(TestKeys.NEXT_RS256).header("kid", "rs-1")
                        .header("x5c", List.of(Base64.getEncoder().encodeToString(TestKeys.NEXT_RS256.publicKey().getEncoded()))).sign()));
        // ES256 signature edge cases
        cases.add(hostile("ES256 with r = s = 0", () -> Tokens.withSignature(valid().signedWith(TestKeys.ES256).sign(),
                TestTokens.b64(new byte[64]))));
        cases.add(hostile("ES256 with r = s = n", () -> Tokens.withSignature(valid().signedWith(TestKeys.ES256).sign(),
                TestTokens.b64(rsEqualN()))));
        cases.add(hostile("ES256 signature in DER instead of raw R||S", () -> Tokens.withSignature(
                valid().signedWith(TestKeys.ES256).sign(), TestTokens.b64(der(Tokens.decode(Tokens.segments(
                        valid().signedWith(TestKeys.ES256).sign())[2]))))));
        cases.add(hostile("ES256 token under kid rs-1 (a key for another alg)",
                () -> valid().signedWith(TestKeys.ES256).header("kid", "rs-1").sign()));
        cases.add(hostile("EdDSA token under kid es-1", () -> valid().signedWith(TestKeys.EDDSA).header("kid", "es-1").sign()));
        // time
        cases.add(hostile("expired 31 s ago, beyond the 30 s skew",
                () -> valid().issuedAt(NOW.minusSeconds(300)).expiresAt(NOW.minusSeconds(31)).sign()));
        cases.add(hostile("expired an hour ago", () -> valid().issuedAt(NOW.minusSeconds(7200)).expiresAt(NOW.minusSeconds(3600)).sign()));
        cases.add(hostile("nbf 31 s in the future", () -> valid().claim("nbf", NOW.plusSeconds(31).getEpochSecond()).sign()));
        cases.add(hostile("iat 31 s in the future", () -> valid().issuedAt(NOW.plusSeconds(31)).expiresAt(NOW.plusSeconds(600)).sign()));
        cases.add(hostile("lifetime 1 h + 1 s", () -> valid().expiresAt(NOW.plus(Duration.ofHours(1)).plusSeconds(1)).sign()));
        cases.add(hostile("lifetime of a year", () -> valid().expiresAt(NOW.plus(Duration.ofDays(365))).sign()));
        cases.add(hostile("exp before iat", () -> valid().issuedAt(NOW).expiresAt(NOW.minusSeconds(1)).sign()));
        cases.add(hostile("exp as a string", () -> valid().claim("exp", String.valueOf(NOW.plusSeconds(300).getEpochSecond())).sign()));
        cases.add(hostile("exp as a huge number", () -> valid().rawPayload(valid().payloadJson()
                .replaceFirst("\"exp\":\\d+", "\"exp\":99999999999999999999999999")).sign()));
        cases.add(hostile("exp negative", () -> valid().claim("exp", -1L).sign()));
        // issuer and audience
        cases.add(hostile("foreign iss", () -> valid().claim("iss", "https://evil.test").sign()));
        cases.add(hostile("iss with a trailing slash", () -> valid().claim("iss", TestTokens.ISSUER + "/").sign()));
        cases.add(hostile("iss in upper case", () -> valid().claim("iss", TestTokens.ISSUER.toUpperCase()).sign()));
        cases.add(hostile("iss as an array", () -> valid().claim("iss", List.of(TestTokens.ISSUER)).sign()));
        cases.add(hostile("foreign aud", () -> valid().claim("aud", "other-service").sign()));
        cases.add(hostile("aud array without ours", () -> valid().claim("aud", List.of("a-service", "b-service")).sign()));
        cases.add(hostile("aud empty array", () -> valid().claim("aud", List.of()).sign()));
        cases.add(hostile("aud as a number", () -> valid().claim("aud", 42).sign()));
        // typ
        cases.add(hostile("typ JWT", () -> valid().header("typ", "JWT").sign()));
        cases.add(hostile("typ missing", () -> valid().withoutHeader("typ").sign()));
        cases.add(hostile("typ as a number", () -> valid().header("typ", 1).sign()));
        // kid
        cases.add(hostile("unknown kid", () -> valid().header("kid", "no-such-kid").sign()));
        cases.add(hostile("kid as a number", () -> valid().header("kid", 1).sign()));
        cases.add(hostile("kid of 300 characters", () -> valid().header("kid", "k".repeat(300)).sign()));
        // duplicates
        cases.add(hostile("payload with sub twice", () -> valid().rawPayload(valid().payloadJson()
                .replace("\"sub\":\"alice\"", "\"sub\":\"alice\",\"sub\":\"mallory\"")).sign()));
        cases.add(hostile("payload with iss twice, foreign first", () -> valid().rawPayload(valid().payloadJson()
                .replaceFirst("\\{", "{\"iss\":\"https://evil.test\",")).sign()));
        cases.add(hostile("payload with iss twice, foreign last", () -> valid().rawPayload(valid().payloadJson()
                .replaceFirst("}$", ",\"iss\":\"https://evil.test\"}")).sign()));
        cases.add(hostile("header with alg twice (none, RS256)", () -> Tokens.signRs256(
                "{\"alg\":\"none\",\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rs-1\"}", valid().payloadJson())));
        cases.add(hostile("header with alg twice (RS256, RS256)", () -> Tokens.signRs256(
                "{\"alg\":\"RS256\",\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rs-1\"}", valid().payloadJson())));
        cases.add(hostile("header that is not JSON", () -> Tokens.signRs256("not json", valid().payloadJson())));
        cases.add(hostile("payload that is a JSON array", () -> Tokens.signRs256(valid().headerJson(), "[1,2]")));
        cases.add(hostile("payload with trailing garbage", () -> Tokens.signRs256(valid().headerJson(), valid().payloadJson() + "x")));
        // base64url
        cases.add(hostile("signature spelled with '+' instead of '-'", () -> respelled('-', '+')));
        cases.add(hostile("signature spelled with '/' instead of '_'", () -> respelled('_', '/')));
        cases.add(hostile("signature with '==' padding", () -> valid().sign() + "=="));
        cases.add(hostile("signature with non-canonical trailing bits", () -> Tokens.nonCanonicalLastCharacter(valid().sign())));
        // structure
        cases.add(hostile("two segments", () -> {
            String[] s = Tokens.segments(valid().sign());
            return s[0] + "." + s[1];
        }));
        cases.add(hostile("four segments", () -> valid().sign() + ".e30"));
        cases.add(hostile("five segments (JWE shape)", () -> valid().sign() + ".e30.e30"));
        cases.add(hostile("empty header segment", () -> valid().sign().replaceFirst("^[^.]+", "")));
        cases.add(hostile("empty payload segment", () -> {
            String[] s = Tokens.segments(valid().sign());
            return s[0] + ".." + s[2];
        }));
        cases.add(hostile("only dots", () -> ".."));
        cases.add(hostile("over 8 KiB of claims", () -> valid().claim("pad", "x".repeat(9_000)).sign()));
        cases.add(hostile("crit header naming exp", () -> valid().header("crit", List.of("exp")).sign()));
        cases.add(hostile("zip header DEF", () -> valid().header("zip", "DEF").sign()));
        cases.add(hostile("b64 false with crit b64", () -> valid().header("b64", false).header("crit", List.of("b64")).sign()));
        cases.add(hostile("enc header on a JWS", () -> valid().header("enc", "A256GCM").sign()));
        // claims
        for (String claim : List.of("exp", "iat", "sub", "jti", "iss", "aud")) {
            cases.add(hostile("missing " + claim, () -> valid().without(claim).sign()));
        }
        cases.add(hostile("sub as a number", () -> valid().claim("sub", 7).sign()));
        cases.add(hostile("sub blank", () -> valid().subject(" ").sign()));
        // tenant shapes
        cases.add(hostile("tenant as a number", () -> valid().claim("tenant", 42).sign()));
        cases.add(hostile("tenant as an array", () -> valid().claim("tenant", List.of("acme")).sign()));
        cases.add(hostile("tenant as an object", () -> valid().claim("tenant", Map.of("id", "acme")).sign()));
        cases.add(hostile("tenant empty", () -> valid().tenant("").sign()));
        cases.add(hostile("tenant ../x", () -> valid().tenant("../x").sign()));
        cases.add(hostile("tenant of 65 characters", () -> valid().tenant("t".repeat(65)).sign()));
        cases.add(hostile("tenant with a space", () -> valid().tenant("ac me").sign()));
        cases.add(hostile("tenant with unicode", () -> valid().tenant("acmé").sign()));
        cases.add(hostile("tenant with a newline", () -> valid().tenant("acme\nglobex").sign()));
        // scope shapes
        cases.add(hostile("scope as a number", () -> valid().claim("scope", 42).sign()));
        cases.add(hostile("scope as an object", () -> valid().claim("scope", Map.of("orders:read", true)).sign()));
        cases.add(hostile("scope array holding a number", () -> valid().claim("scope", List.of("orders:read", 7)).sign()));
        cases.add(hostile("scope with a double space", () -> valid().scope("orders:read  orders:write").sign()));
        cases.add(hostile("scope with a control character", () -> valid().scope("orders:read\u0001").sign()));
        cases.add(hostile("scope with a quote", () -> valid().scope("\"quote").sign()));
        cases.add(hostile("scope with a backslash", () -> valid().scope("orders\\read").sign()));
        // delegation
        cases.add(hostile("act as a string", () -> valid().claim("act", "agent-7").sign()));
        cases.add(hostile("act without sub", () -> valid().claim("act", Map.of("client_id", "bot")).sign()));
        cases.add(hostile("act with a numeric sub", () -> valid().claim("act", Map.of("sub", 7)).sign()));
        cases.add(hostile("act chain nine deep", () -> valid().claim("act", nestedAct(9)).sign()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} → 401 invalid_token")
    @MethodSource("hostileTokens")
    void requestWhenTokenHostileThenInvalidTokenWithGenericBody(Supplier<String> token) {
        Reply reply = send(token.get());

        assertInvalidToken(reply);
        INVALID_TOKEN_BODIES.add(reply.body());
        assertThat(INVALID_TOKEN_BODIES).as("one body for every reason").hasSize(1);
    }

    @Test
    void requestWhenHeaderIs100KilobytesThenInvalidTokenQuickly() {
        String token = valid().rawHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rs-1\",\"x\":\""
                + "x".repeat(100_000) + "\"}").sign();
        long start = System.nanoTime();

        Reply reply = send(token);

        assertInvalidToken(reply);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void requestWhenJkuPointsToAttackerThenRefusedAndNeverFetched() {
        String jku = "http://127.0.0.1:" + attacker.getAddress().getPort() + "/jwks.json";
        int before = ATTACKER_HITS.get();

        assertInvalidToken(send(valid().signedWith(TestKeys.NEXT_RS256).header("jku", jku).sign()));
        assertInvalidToken(send(valid().signedWith(TestKeys.NEXT_RS256).header("kid", "rs-1").header("jku", jku).sign()));
        assertInvalidToken(send(valid().signedWith(TestKeys.NEXT_RS256).header("x5u", jku).sign()));
        assertInvalidToken(send(valid().signedWith(TestKeys.NEXT_RS256).header("kid", "rs-1").header("x5u", jku).sign()));

        assertThat(ATTACKER_HITS.get()).as("requests to the attacker's URL").isEqualTo(before);
        // the attacker server does answer: the zero above is not a dead server
        assertThat(new Http(server).get("/health").status()).isEqualTo(200);
    }

    @Test
    void requestWhenJkuOnOtherwiseValidTokenThenStillNeverFetched() {
        String jku = "http://127.0.0.1:" + attacker.getAddress().getPort() + "/jwks.json";
        int before = ATTACKER_HITS.get();

        // A genuinely signed token carrying jku: keys come only from the configured source.
        assertAccepted(send(valid().header("jku", jku).sign()), "alice");

        assertThat(ATTACKER_HITS.get()).isEqualTo(before);
    }

    @Test
    void requestWhenSigningKeyRotatedOutThenItsTokensRefused() {
        String byNextKey = valid().signedWith(TestKeys.NEXT_RS256).sign();
        Http http = new Http(rotating);
        assertAccepted(http.bearer("/orders", byNextKey), "alice");

        rotatingKeys.remove(TestKeys.NEXT_RS256.kid());

        assertInvalidToken(http.bearer("/orders", byNextKey));
        assertInvalidToken(http.bearer("/orders", valid().signedWith(TestKeys.NEXT_RS256).sign()));
        assertAccepted(http.bearer("/orders", valid().sign()), "alice");
    }

    // ---------------------------------------------------------------- helpers

    private static Arguments hostile(String name, Supplier<String> token) {
        return Arguments.of(named(name, token));
    }

    private static Arguments accepted(String name, Supplier<String> token) {
        return Arguments.of(named(name, token));
    }

    private static SecretKeySpec hmac(byte[] secret) {
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    private static byte[] pem(byte[] der) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    static Map<String, Object> nestedAct(int depth) {
        Map<String, Object> act = null;
        for (int i = depth; i >= 1; i--) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("sub", "agent-" + i);
            if (act != null) {
                link.put("act", act);
            }
            act = link;
        }
        return act;
    }

    private static byte[] rsEqualN() {
        byte[] n = java.util.HexFormat.of().parseHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        byte[] rs = new byte[64];
        System.arraycopy(n, 0, rs, 0, 32);
        System.arraycopy(n, 0, rs, 32, 32);
        return rs;
    }

    /** The same ECDSA signature in ASN.1 DER, the form Java's Signature produces and JWS forbids. */
    private static byte[] der(byte[] rs) {
        byte[] r = integer(java.util.Arrays.copyOfRange(rs, 0, 32));
        byte[] s = integer(java.util.Arrays.copyOfRange(rs, 32, 64));
        byte[] out = new byte[2 + r.length + s.length];
        out[0] = 0x30;
        out[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, out, 2, r.length);
        System.arraycopy(s, 0, out, 2 + r.length, s.length);
        return out;
    }

    private static byte[] integer(byte[] magnitude) {
        byte[] value = new java.math.BigInteger(1, magnitude).toByteArray();
        byte[] out = new byte[2 + value.length];
        out[0] = 0x02;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    /** A valid token whose signature holds {@code from}, respelled with {@code to} (standard base64). */
    private static String respelled(char from, char to) {
        for (int i = 0; i < 200; i++) {
            String token = valid().sign();
            String signature = Tokens.segments(token)[2];
            if (signature.indexOf(from) >= 0) {
                return Tokens.withSignature(token, signature.replace(from, to));
            }
        }
        throw new IllegalStateException("no signature with '" + from + "' in 200 tries");
    }
}
