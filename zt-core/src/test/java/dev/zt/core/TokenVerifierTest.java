package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.testing.FixedKeySource;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verifier on its own: every rule with its hostile case, each refusal for the reason it names. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TokenVerifier verifier = TokenVerifier.builder(
            TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build(),
            Jwks.fromJson(TestKeys.jwks())).clock(CLOCK).cacheEntries(0).build();

    private static TestTokens token() {
        return TestTokens.valid(CLOCK);
    }

    @Test
    void verifyWhenValidTokenThenActorAnswersWhoWhatForHowLong() {
        Actor actor = verifier.verify(token().claim("purpose", "checkout").sign());
        assertThat(actor.subject()).isEqualTo("alice");
        assertThat(actor.issuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(actor.clientId()).contains("web-app");
        assertThat(actor.kind()).isEqualTo(ActorKind.USER);
        assertThat(actor.tenant()).contains("acme");
        assertThat(actor.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(actor.purpose()).contains("checkout");
        assertThat(actor.issuedAt()).isEqualTo(NOW);
        assertThat(actor.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(actor.tokenId()).isPresent();
        assertThat(actor.isDelegated()).isFalse();
    }

    @Test
    void verifyWhenEachDefaultAlgorithmThenAccepted() {
        for (TestKeys.TestKey key : List.of(TestKeys.RS256, TestKeys.PS256, TestKeys.ES256, TestKeys.EDDSA)) {
            assertThat(verifier.verify(token().signedWith(key).sign()).subject()).as(key.algorithm()).isEqualTo("alice");
        }
    }

    @Test
    void verifyWhenClientIdEqualsSubjectThenServiceActor() {
        Actor actor = verifier.verify(token().subject("orders-service").claim("client_id", "orders-service").sign());
        assertThat(actor.kind()).isEqualTo(ActorKind.SERVICE);
    }

    @Test
    void verifyWhenKindClaimThenThatKind() {
        assertThat(verifier.verify(token().claim("actor_kind", "pipeline").sign()).kind()).isEqualTo(ActorKind.PIPELINE);
        assertThat(verifier.verify(token().claim("actor_kind", "WORKER").sign()).kind()).isEqualTo(ActorKind.WORKER);
    }

    @Test
    void verifyWhenActClaimThenDelegationChainCurrentActorFirst() {
        Actor actor = verifier.verify(token().claim("act", Map.of("sub", "orders-service", "client_id", "orders",
                "act", Map.of("sub", "gateway"))).sign());
        assertThat(actor.isDelegated()).isTrue();
        assertThat(actor.actingParties()).extracting(ActingParty::subject).containsExactly("orders-service", "gateway");
        assertThat(actor.actingParties().get(0).clientIdIfPresent()).contains("orders");
    }

    @Test
    void verifyWhenScpArrayAndConfiguredThenScopes() {
        TokenVerifier scp = TokenVerifier.builder(TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .scopeClaim("scp").build(), Jwks.fromJson(TestKeys.jwks())).clock(CLOCK).build();
        assertThat(scp.verify(token().without("scope").claim("scp", List.of("a:b", "c")).sign()).scopes())
                .containsExactlyInAnyOrder("a:b", "c");
    }

    @Test
    void verifyWhenTypIsApplicationAtJwtInAnyCaseThenAccepted() {
        assertThat(verifier.verify(token().header("typ", "application/at+jwt").sign()).subject()).isEqualTo("alice");
        assertThat(verifier.verify(token().header("typ", "AT+JWT").sign()).subject()).isEqualTo("alice");
    }

    @Test
    void verifyWhenExpiredWithinSkewThenAccepted() {
        String token = token().issuedAt(NOW.minusSeconds(600)).expiresAt(NOW.minusSeconds(20)).sign();
        assertThat(verifier.verify(token).subject()).isEqualTo("alice");
    }

    @Test
    void verifyWhenLifetimeExactlyOneHourThenAccepted() {
        assertThat(verifier.verify(token().issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).sign()).subject())
                .isEqualTo("alice");
    }

    static Stream<Arguments> hostileTokens() throws Exception {
        byte[] rsaPublic = TestKeys.RS256.publicKey().getEncoded();
        return Stream.of(
                hostile("signed by an untrusted key under a trusted kid", RejectionReason.BAD_SIGNATURE,
                        t -> t.signedWith(TestKeys.UNTRUSTED_RS256)),
                hostile("kid of a key that is not published", RejectionReason.UNKNOWN_KEY, t -> t.signedWith(TestKeys.NEXT_RS256)),
                hostile("ES256 token naming the RS256 key's kid", RejectionReason.UNKNOWN_KEY,
                        t -> t.signedWith(TestKeys.ES256).header("kid", TestKeys.RS256.kid())),
                hostile("HS256 with the RSA public key as secret", RejectionReason.DISALLOWED_ALGORITHM,
                        t -> t.header("alg", "HS256").signingKey(new SecretKeySpec(rsaPublic, "HmacSHA256"))),
                hostile("RS384, not on the default allow-list", RejectionReason.DISALLOWED_ALGORITHM, t -> t.header("alg", "RS384")),
                hostile("expired beyond the skew", RejectionReason.EXPIRED,
                        t -> t.issuedAt(NOW.minusSeconds(900)).expiresAt(NOW.minusSeconds(31))),
                hostile("not valid before a future nbf", RejectionReason.NOT_YET_VALID, t -> t.claim("nbf", NOW.plusSeconds(120).getEpochSecond())),
                hostile("issued in the future", RejectionReason.ISSUED_IN_FUTURE,
                        t -> t.issuedAt(NOW.plusSeconds(120)).expiresAt(NOW.plusSeconds(600))),
                hostile("lifetime over one hour", RejectionReason.LIFETIME_TOO_LONG,
                        t -> t.issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1)).plusSeconds(1))),
                hostile("exp before iat", RejectionReason.BAD_CLAIM, t -> t.issuedAt(NOW).expiresAt(NOW.minusSeconds(1))),
                hostile("exp as a string", RejectionReason.BAD_CLAIM, t -> t.claim("exp", String.valueOf(NOW.getEpochSecond() + 60))),
                hostile("exp beyond year 9999", RejectionReason.BAD_CLAIM, t -> t.claim("exp", 99999999999999L)),
                hostile("wrong issuer", RejectionReason.WRONG_ISSUER, t -> t.claim("iss", "https://evil.example")),
                hostile("issuer with a trailing slash", RejectionReason.WRONG_ISSUER, t -> t.claim("iss", TestTokens.ISSUER + "/")),
                hostile("issuer in upper case", RejectionReason.WRONG_ISSUER, t -> t.claim("iss", TestTokens.ISSUER.toUpperCase())),
                hostile("issuer as an array", RejectionReason.WRONG_ISSUER, t -> t.claim("iss", List.of(TestTokens.ISSUER))),
                hostile("wrong audience", RejectionReason.WRONG_AUDIENCE, t -> t.claim("aud", "inventory-service")),
                hostile("audience array without ours", RejectionReason.WRONG_AUDIENCE, t -> t.claim("aud", List.of("a", "b"))),
                hostile("audience array with a number", RejectionReason.WRONG_AUDIENCE, t -> t.claim("aud", List.of(TestTokens.AUDIENCE, 7))),
                hostile("typ JWT", RejectionReason.WRONG_TYPE, t -> t.header("typ", "JWT")),
                hostile("typ missing", RejectionReason.WRONG_TYPE, t -> t.withoutHeader("typ")),
                hostile("crit header", RejectionReason.CRITICAL_HEADER, t -> t.header("crit", List.of("exp"))),
                hostile("b64 false", RejectionReason.CRITICAL_HEADER, t -> t.header("b64", false)),
                hostile("zip header", RejectionReason.COMPRESSED, t -> t.header("zip", "DEF")),
                hostile("missing sub", RejectionReason.MISSING_CLAIM, t -> t.without("sub")),
                hostile("missing jti", RejectionReason.MISSING_CLAIM, t -> t.without("jti")),
                hostile("missing exp", RejectionReason.MISSING_CLAIM, t -> t.without("exp")),
                hostile("missing iat", RejectionReason.MISSING_CLAIM, t -> t.without("iat")),
                hostile("tenant as a number", RejectionReason.BAD_TENANT, t -> t.claim("tenant", 42)),
                hostile("tenant as an array", RejectionReason.BAD_TENANT, t -> t.claim("tenant", List.of("acme"))),
                hostile("tenant with a path", RejectionReason.BAD_TENANT, t -> t.tenant("../globex")),
                hostile("tenant empty", RejectionReason.BAD_TENANT, t -> t.tenant("")),
                hostile("tenant of 65 characters", RejectionReason.BAD_TENANT, t -> t.tenant("a".repeat(65))),
                hostile("scope as a number", RejectionReason.BAD_SCOPE, t -> t.claim("scope", 1)),
                hostile("scope with two spaces", RejectionReason.BAD_SCOPE, t -> t.scope("orders:read  orders:write")),
                hostile("scope with a quote", RejectionReason.BAD_SCOPE, t -> t.scope("orders:\"read")),
                hostile("scope array holding a number", RejectionReason.BAD_SCOPE, t -> t.claim("scope", List.of("a", 1))),
                hostile("act as a string", RejectionReason.BAD_DELEGATION, t -> t.claim("act", "orders-service")),
                hostile("act without sub", RejectionReason.BAD_DELEGATION, t -> t.claim("act", Map.of("iss", "x"))),
                hostile("act nested nine deep", RejectionReason.BAD_DELEGATION, t -> t.claim("act", nestedAct(9))),
                hostile("unknown actor kind", RejectionReason.BAD_CLAIM, t -> t.claim("actor_kind", "admin")),
                hostile("sub with a control character", RejectionReason.BAD_CLAIM, t -> t.subject("ali\u0000ce")),
                hostile("duplicate sub claim", RejectionReason.MALFORMED_CLAIMS,
                        t -> t.rawPayload(t.payloadJson().replaceFirst("\\{", "{\"sub\":\"mallory\","))),
                hostile("duplicate alg header member", RejectionReason.MALFORMED_HEADER,
                        t -> t.rawHeader(t.headerJson().replaceFirst("\\{", "{\"alg\":\"none\","))),
                hostile("payload that is an array", RejectionReason.MALFORMED_CLAIMS, t -> t.rawPayload("[1,2]")));
    }

    private static Map<String, Object> nestedAct(int depth) {
        Map<String, Object> act = Map.of("sub", "service-" + depth);
        for (int i = depth - 1; i > 0; i--) {
            act = Map.of("sub", "service-" + i, "act", act);
        }
        return act;
    }

    private static Arguments hostile(String name, RejectionReason reason, UnaryOperator<TestTokens> change) {
        return Arguments.of(Named.of(name, change), reason);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("hostileTokens")
    void verifyWhenHostileThenRejectedForThatReason(UnaryOperator<TestTokens> change, RejectionReason reason) {
        String token = change.apply(token()).sign();
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
                });
    }

    static Stream<Arguments> malformedTokens() {
        String valid = TestTokens.valid(CLOCK).sign();
        String[] parts = valid.split("\\.");
        String noneHeader = TestTokens.b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of(Named.of("empty", ""), RejectionReason.MISSING),
                Arguments.of(Named.of("two segments", parts[0] + "." + parts[1]), RejectionReason.MALFORMED),
                Arguments.of(Named.of("four segments", valid + ".x"), RejectionReason.MALFORMED),
                Arguments.of(Named.of("five segments (JWE)", parts[0] + ".a.b.c.d"), RejectionReason.ENCRYPTED),
                Arguments.of(Named.of("empty signature", parts[0] + "." + parts[1] + "."), RejectionReason.MALFORMED),
                Arguments.of(Named.of("empty payload", parts[0] + ".." + parts[2]), RejectionReason.MALFORMED_CLAIMS),
                Arguments.of(Named.of("JSON serialization", "{\"payload\":\"" + parts[1] + "\",\"signatures\":[]}"),
                        RejectionReason.JSON_SERIALIZATION),
                Arguments.of(Named.of("padding", valid + "=="), RejectionReason.MALFORMED),
                Arguments.of(Named.of("standard base64 '+'", parts[0] + "." + parts[1] + ".+" + parts[2].substring(1)), RejectionReason.MALFORMED),
                Arguments.of(Named.of("a space", parts[0] + " ." + parts[1] + "." + parts[2]), RejectionReason.MALFORMED),
                Arguments.of(Named.of("non-ASCII", parts[0] + "." + parts[1] + "é." + parts[2]), RejectionReason.MALFORMED),
                Arguments.of(Named.of("non-canonical final character", parts[0] + "." + parts[1] + "." + nonCanonical(parts[2])),
                        RejectionReason.MALFORMED),
                Arguments.of(Named.of("oversized", parts[0] + "." + "A".repeat(9000) + "." + parts[2]), RejectionReason.TOO_LARGE),
                Arguments.of(Named.of("alg none, no signature", noneHeader + "." + parts[1] + "."), RejectionReason.MALFORMED),
                Arguments.of(Named.of("alg none with the original signature", noneHeader + "." + parts[1] + "." + parts[2]),
                        RejectionReason.DISALLOWED_ALGORITHM),
                Arguments.of(Named.of("header not JSON", TestTokens.b64("alg".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2]),
                        RejectionReason.MALFORMED_HEADER),
                Arguments.of(Named.of("header not UTF-8", TestTokens.b64(new byte[] {'{', (byte) 0xC3, '}'}) + "." + parts[1] + "." + parts[2]),
                        RejectionReason.MALFORMED_HEADER));
    }

    /** The same bytes with the unused low bits of the last character set: a second spelling of the same signature. */
    private static String nonCanonical(String segment) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = segment.charAt(segment.length() - 1);
        int value = alphabet.indexOf(last);
        int unusedBits = segment.length() % 4 == 2 ? 4 : 2;
        return segment.substring(0, segment.length() - 1) + alphabet.charAt(value | ((1 << unusedBits) - 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedTokens")
    void verifyWhenMalformedThenRejectedBeforeCrypto(String token, RejectionReason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void verifyWhenAlgNoneInAnyCaseThenDisallowed() {
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String token = token().header("alg", none).unsigned();
            assertThatThrownBy(() -> verifier.verify(token + "AAAA")).as(none)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.DISALLOWED_ALGORITHM));
        }
    }

    @Test
    void verifyWhenSignatureByteFlippedThenBadSignature() {
        String token = token().sign();
        String[] parts = token.split("\\.");
        byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 0x01;
        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + parts[1] + "." + TestTokens.b64(signature)))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenPayloadSwappedAfterSigningThenBadSignature() {
        String[] original = token().sign().split("\\.");
        String[] forged = token().tenant("globex").sign().split("\\.");
        assertThatThrownBy(() -> verifier.verify(original[0] + "." + forged[1] + "." + original[2]))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenEs256SignatureIsZerosOrOrderThenBadSignature() {
        String[] parts = token().signedWith(TestKeys.ES256).sign().split("\\.");
        byte[] n = new java.math.BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray();
        byte[] rn = new byte[64];
        System.arraycopy(n, n.length - 32, rn, 0, 32);
        System.arraycopy(n, n.length - 32, rn, 32, 32);
        for (byte[] signature : List.of(new byte[64], rn)) {
            assertThatThrownBy(() -> verifier.verify(parts[0] + "." + parts[1] + "." + TestTokens.b64(signature)))
                    .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
        }
    }

    @Test
    void verifyWhenEmbeddedJwkOrJkuThenKeyNotTakenFromHeader() throws Exception {
        TestKeys.TestKey attacker = TestKeys.UNTRUSTED_RS256;
        String embedded = token().signedWith(attacker).header("jwk", attacker.publicJwk())
                .header("jku", "http://127.0.0.1:1/jwks").header("x5u", "http://127.0.0.1:1/cert").sign();
        assertThatThrownBy(() -> verifier.verify(embedded))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
        String embeddedNoKid = token().signedWith(attacker).withoutHeader("kid").header("jwk", attacker.publicJwk()).sign();
        assertThatThrownBy(() -> verifier.verify(embeddedNoKid))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenNoKidAndExactlyOneKeyForTheAlgorithmThenThatKey() {
        TokenVerifier single = TokenVerifier.builder(TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build(),
                Jwks.fromJson(TestKeys.jwksOf(TestKeys.RS256))).clock(CLOCK).build();
        assertThat(single.verify(token().withoutHeader("kid").sign()).subject()).isEqualTo("alice");
    }

    @Test
    void verifyWhenNoKidAndSeveralCandidateKeysThenUnknownKey() {
        FixedKeySource two = FixedKeySource.of(TestKeys.RS256, TestKeys.NEXT_RS256);
        TokenVerifier ambiguous = TokenVerifier.builder(TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build(), two)
                .clock(CLOCK).build();
        assertThatThrownBy(() -> ambiguous.verify(token().withoutHeader("kid").sign()))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY));
    }

    @Test
    void verifyWhenRequiredTenantMissingThenMissingClaim() {
        TokenVerifier tenantRequired = TokenVerifier.builder(TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .requiredClaims("jti", "tenant").build(), Jwks.fromJson(TestKeys.jwks())).clock(CLOCK).build();
        assertThat(tenantRequired.verify(token().sign()).tenant()).contains("acme");
        assertThatThrownBy(() -> tenantRequired.verify(token().without("tenant").sign()))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_CLAIM));
    }
}
