package dev.zt.client;

import dev.zt.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.zt.client.FakeTokenEndpoint.Answer;
import dev.zt.client.ServiceTokenException.Reason;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real token endpoint on loopback; every test also proves nothing secret leaked. */
class TokenClientIT {

    private static final TokenRequest INVENTORY_READ = TokenRequest.of("inventory-service", "inventory:read");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<String> subjectTokens = new CopyOnWriteArrayList<>();
    private FakeTokenEndpoint endpoint;
    private LogCapture log;
    private TokenClient client;
    /** A token exchange is made on behalf of the current actor: the user these tests serve. */
    private ActorContext.Binding user;

    @BeforeEach
    void start() throws IOException {
        endpoint = new FakeTokenEndpoint(clock);
        log = new LogCapture();
        client = client(FakeTokenEndpoint.SECRET);
        user = ActorContext.bind(Actor.builder("alice", ActorKind.USER).validFor(clock, Duration.ofMinutes(5)).build());
    }

    @AfterEach
    void noTokenOrSecretLeaked() {
        try {
            List<String> secrets = new ArrayList<>();
            secrets.add(FakeTokenEndpoint.SECRET);
            secrets.add(FormEncoding.encode(FakeTokenEndpoint.SECRET));
            secrets.add(FormEncoding.basicCredentials(FakeTokenEndpoint.CLIENT_ID,
                    FakeTokenEndpoint.SECRET.toCharArray()).substring("Basic ".length()));
            for (String token : endpoint.issued()) {
                secrets.add(token);
                secrets.add(token.substring(token.lastIndexOf('.') + 1)); // the signature alone
            }
            for (String token : subjectTokens) {
                secrets.add(token);
                secrets.add(token.substring(token.lastIndexOf('.') + 1));
            }
            List<String> visible = new ArrayList<>(log.texts());
            visible.add(client.toString());
            for (Throwable failure : failures) {
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    visible.add(String.valueOf(t));
                }
            }
            for (String text : visible) {
                for (String secret : secrets) {
                    assertThat(text).doesNotContain(secret);
                }
            }
        } finally {
            user.close();
            log.close();
            endpoint.close();
        }
    }

    // --- client credentials and token exchange: what is sent ---

    @Test
    void clientCredentials_sendsExactlyGrantAudienceAndScope_withBasicCredentials() {
        ServiceToken token = client.token(TokenRequest.of("inventory-service", "inventory:write", "inventory:read"));

        FakeTokenEndpoint.Received sent = endpoint.last();
        assertThat(sent.parameterNames()).containsExactly("grant_type", "audience", "scope");
        assertThat(sent.form()).containsExactly(Map.entry("grant_type", "client_credentials"),
                Map.entry("audience", "inventory-service"), Map.entry("scope", "inventory:read inventory:write"));
        assertThat(sent.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.authorization()).hasSize(1).first().asString().startsWith("Basic ");
        assertThat(endpoint.issued()).containsExactly(token.value());
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(300));
        assertThat(log.messages()).anyMatch(m -> m.startsWith("ZT-7201")); // the capture works: a positive control
    }

    @Test
    void tokenExchange_sendsSubjectTokenAudienceAndScope() {
        String userToken = userToken("alice");

        ServiceToken token = client.token(INVENTORY_READ.onBehalfOf(userToken));

        FakeTokenEndpoint.Received sent = endpoint.last();
        assertThat(sent.parameterNames()).containsExactly("grant_type", "subject_token", "subject_token_type",
                "requested_token_type", "audience", "scope");
        assertThat(sent.form()).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("subject_token", userToken)
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("audience", "inventory-service")
                .containsEntry("scope", "inventory:read");
        assertThat(endpoint.issued()).containsExactly(token.value());
    }

    @Test
    void tokenExchangeWithActor_sendsActorTokenAndItsType() {
        String userToken = userToken("alice");
        String actorToken = userToken("orders-service");

        client.token(INVENTORY_READ.onBehalfOf(userToken).withActorToken(actorToken));

        assertThat(endpoint.last().form()).containsEntry("actor_token", actorToken)
                .containsEntry("actor_token_type", "urn:ietf:params:oauth:token-type:access_token");
    }

    @Test
    void resourceParameter_sendsTheAudienceAsResourceToo() {
        TokenClient withResource = builder(FakeTokenEndpoint.SECRET).resourceParameter(true).build();

        withResource.token(TokenRequest.of("https://inventory.example/", "inventory:read"));

        assertThat(endpoint.last().form()).containsEntry("audience", "https://inventory.example/")
                .containsEntry("resource", "https://inventory.example/");
    }

    // --- caching and refresh ---

    @Test
    void secondCallForTheSameKey_isServedFromTheCache() {
        ServiceToken first = client.token(INVENTORY_READ);
        ServiceToken second = client.token(INVENTORY_READ);

        assertThat(second.value()).isEqualTo(first.value());
        assertThat(endpoint.requests()).isEqualTo(1);
    }

    @Test
    void clockPastExpiryMinusMargin_fetchesANewToken_andJustBeforeItDoesNot() {
        ServiceToken first = client.token(INVENTORY_READ); // 300 s; margin max(30 s, 10 %) = 30 s

        clock.advance(Duration.ofSeconds(269));
        assertThat(client.token(INVENTORY_READ).value()).isEqualTo(first.value());
        assertThat(endpoint.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        ServiceToken refreshed = client.token(INVENTORY_READ);
        assertThat(endpoint.requests()).isEqualTo(2);
        assertThat(refreshed.value()).isNotEqualTo(first.value());
        assertThat(refreshed.expiresAt()).isEqualTo(clock.instant().plusSeconds(300));
    }

    @Test
    void jwtExpEarlierThanExpiresIn_bindsTheCacheLifetime() {
        endpoint.jwtLifetime = Duration.ofSeconds(100); // expires_in still says 300
        ServiceToken first = client.token(INVENTORY_READ);
        assertThat(first.expiresAt()).isEqualTo(clock.instant().plusSeconds(100));

        clock.advance(Duration.ofSeconds(69));
        client.token(INVENTORY_READ);
        assertThat(endpoint.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        client.token(INVENTORY_READ);
        assertThat(endpoint.requests()).isEqualTo(2);
    }

    @Test
    void tokenExpiringWithinTheMargin_isRefused() {
        endpoint.jwtLifetime = Duration.ofSeconds(20);

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ));

        assertThat(e.reason()).isEqualTo(Reason.LIFETIME_TOO_SHORT);
        assertThat(e.id()).isEqualTo("ZT-7010");
    }

    @Test
    void cachedTokenPastTheMargin_isNeverReturned_whenTheEndpointIsDown() {
        client.token(INVENTORY_READ);
        endpoint.close();
        clock.advance(Duration.ofSeconds(275)); // still valid 25 s, but within the margin

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ));

        assertThat(e.reason()).isIn(Reason.ENDPOINT_UNREACHABLE, Reason.TIMEOUT);
    }

    @Test
    void failedFetch_isNotCached_theNextCallTriesAgain() {
        endpoint.respondWith(request -> Answer.text(503, "text/plain", "down"));
        failure(() -> client.token(INVENTORY_READ));

        endpoint.respondWith(endpoint::mint);
        ServiceToken token = client.token(INVENTORY_READ);

        assertThat(endpoint.issued()).containsExactly(token.value());
        assertThat(endpoint.requests()).isEqualTo(2);
    }

    @Test
    void differentKeys_getDifferentTokens() {
        endpoint.expiresIn = 120; // within every lifetime asked for below
        String alice = userToken("alice");
        String bob = userToken("bob");
        List<TokenRequest> requests = List.of(INVENTORY_READ,
                TokenRequest.of("billing-service", "inventory:read"),
                TokenRequest.of("inventory-service", "inventory:write"),
                INVENTORY_READ.withLifetime(Duration.ofMinutes(2)),
                INVENTORY_READ.onBehalfOf(alice),
                INVENTORY_READ.onBehalfOf(bob));

        Set<String> tokens = new java.util.HashSet<>();
        for (TokenRequest request : requests) {
            tokens.add(client.token(request).value());
        }
        assertThat(tokens).hasSize(requests.size());
        assertThat(endpoint.requests()).isEqualTo(requests.size());
        // positive control: asking again for each is served from the cache
        for (TokenRequest request : requests) {
            assertThat(tokens).contains(client.token(request).value());
        }
        assertThat(endpoint.requests()).isEqualTo(requests.size());
    }

    @Test
    void sameUserAgain_getsTheCachedExchangedToken_butAnotherUserDoesNot() {
        String alice = userToken("alice");
        ServiceToken first = client.token(INVENTORY_READ.onBehalfOf(alice));

        assertThat(client.token(INVENTORY_READ.onBehalfOf(alice)).value()).isEqualTo(first.value());
        assertThat(client.token(INVENTORY_READ.onBehalfOf(userToken("mallory"))).value()).isNotEqualTo(first.value());
        assertThat(endpoint.requests()).isEqualTo(2);
    }

    // --- single flight ---

    @Test
    void sixteenConcurrentCallersForOneKey_causeOneRequest() throws Exception {
        List<ServiceToken> tokens = concurrently(16, i -> INVENTORY_READ);

        assertThat(endpoint.requests()).isEqualTo(1);
        assertThat(tokens).extracting(ServiceToken::value).containsOnly(tokens.get(0).value());
    }

    @Test
    void concurrentCallersForTwoKeys_causeOneRequestPerKey() throws Exception {
        TokenRequest write = TokenRequest.of("inventory-service", "inventory:write");

        List<ServiceToken> tokens = concurrently(16, i -> i % 2 == 0 ? INVENTORY_READ : write);

        assertThat(endpoint.requests()).isEqualTo(2);
        assertThat(tokens.stream().map(ServiceToken::value).distinct()).hasSize(2);
    }

    // --- fail closed ---

    @Test
    void wrongSecret_isRefusedByTheEndpoint_withInvalidClient() {
        TokenClient wrong = client("not-the-secret");

        ServiceTokenException e = failure(() -> wrong.token(INVENTORY_READ));

        assertThat(e.reason()).isEqualTo(Reason.OAUTH_ERROR);
        assertThat(e.oauthError()).contains("invalid_client");
        assertThat(e.getMessage()).startsWith("ZT-7004").contains("invalid_client").contains("401");
        assertThat(log.messages()).anyMatch(m -> m.startsWith("ZT-7202") && m.contains("invalid_client"));
    }

    @Test
    void errorResponse_surfacesTheCodeButNotTheDescription() {
        String alice = userToken("alice");
        endpoint.respondWith(request -> Answer.json(400, Map.of("error", "invalid_grant",
                "error_description", "subject token " + request.form().get("subject_token") + " is revoked")));

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ.onBehalfOf(alice)));

        assertThat(e.oauthError()).contains("invalid_grant");
        assertThat(e.getMessage()).doesNotContain("revoked");
    }

    @Test
    void errorCodeOutsideTheErrorAlphabet_isNotRepeated() {
        endpoint.respondWith(request -> Answer.json(400, Map.of("error", "Secret=" + FakeTokenEndpoint.SECRET)));

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ));

        assertThat(e.oauthError()).contains("unrecognized_error");
    }

    @Test
    void errorMemberInA200Response_isAnError() {
        endpoint.respondWith(request -> Answer.json(200, Map.of("error", "invalid_scope", "access_token", opaqueToken(),
                "token_type", "Bearer", "expires_in", 60)));

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ));

        assertThat(e.oauthError()).contains("invalid_scope");
    }

    @Test
    void serverError_failsWithItsStatus() {
        endpoint.respondWith(request -> Answer.text(500, "text/html", "<html>stack trace</html>"));

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ));

        assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_STATUS);
        assertThat(e.oauthError()).isEmpty();
        assertThat(e.getMessage()).contains("500").doesNotContain("stack trace");
    }

    @Test
    void redirect_isNotFollowed_andFails() {
        endpoint.respondWith(request -> Answer.text(302, "text/plain", "elsewhere"));

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ));

        assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_STATUS);
        assertThat(endpoint.requests()).isEqualTo(1);
    }

    @Test
    void garbageBody_fails() {
        endpoint.respondWith(request -> Answer.text(200, "application/json", "{\"access_token\": \"" + opaqueToken() + "\", "));

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
    }

    @Test
    void nonJsonContentType_fails() {
        endpoint.respondWith(request -> {
            Answer minted = endpoint.mint(request);
            return new Answer(200, "text/html", minted.body());
        });

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
    }

    @Test
    void oversizedBody_fails() {
        endpoint.respondWith(request -> Answer.text(200, "application/json",
                "{\"pad\":\"" + "x".repeat(100_000) + "\"}"));

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.RESPONSE_TOO_LARGE);
    }

    @Test
    void endpointNotAnswering_timesOut() {
        TokenClient impatient = builder(FakeTokenEndpoint.SECRET).timeout(Duration.ofMillis(300)).build();
        endpoint.hold();

        ServiceTokenException e = failure(() -> impatient.token(INVENTORY_READ));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void endpointDown_fails() throws IOException {
        TokenClient unreachable = FakeTokenEndpoint.unreachableClient(clock);

        ServiceTokenException e = failure(() -> unreachable.token(INVENTORY_READ));

        assertThat(e.reason()).isEqualTo(Reason.ENDPOINT_UNREACHABLE);
        assertThat(e.id()).isEqualTo("ZT-7001");
    }

    @Test
    void responseWithoutAccessToken_fails() {
        endpoint.respondWith(request -> Answer.json(200, Map.of("token_type", "Bearer", "expires_in", 300)));

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.NOT_A_BEARER_TOKEN);
    }

    @Test
    void accessTokenWithALineBreak_fails() {
        endpoint.respondWith(request -> Answer.json(200,
                Map.of("access_token", MintedTokens.register(opaqueToken() + "\r\nX-Injected: 1"), "token_type", "Bearer", "expires_in", 300)));

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.NOT_A_BEARER_TOKEN);
    }

    @Test
    void tokenTypeOtherThanBearer_fails_butBearerInAnyCaseIsAccepted() {
        endpoint.respondWith(request -> endpoint.mint(request).withMember("token_type", "N_A"));
        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.NOT_A_BEARER_TOKEN);

        endpoint.respondWith(request -> endpoint.mint(request).withMember("token_type", "bEaReR"));
        assertThat(endpoint.issued()).contains(client.token(INVENTORY_READ).value());
    }

    @Test
    void exchangeIssuingARefreshToken_fails() {
        endpoint.respondWith(request -> endpoint.mint(request).withMember("issued_token_type",
                "urn:ietf:params:oauth:token-type:refresh_token"));

        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ.onBehalfOf(userToken("alice"))));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_BEARER_TOKEN);
    }

    @Test
    void missingExpiresIn_fails() {
        endpoint.respondWith(request -> endpoint.mint(request).withMember("expires_in", null));

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.LIFETIME_MISSING);
    }

    @Test
    void expiresInAboveTheRequestedLifetime_isRefused_andEqualIsAccepted() {
        TokenRequest oneMinute = INVENTORY_READ.withLifetime(Duration.ofMinutes(1));
        endpoint.expiresIn = 61;
        ServiceTokenException e = failure(() -> client.token(oneMinute));
        assertThat(e.reason()).isEqualTo(Reason.LIFETIME_TOO_LONG);
        assertThat(e.id()).isEqualTo("ZT-7008");

        endpoint.expiresIn = 60;
        assertThat(client.token(oneMinute).expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void expiresInAboveTheMaximumLifetime_isRefused() {
        endpoint.expiresIn = 3600;

        assertThat(failure(() -> client.token(INVENTORY_READ)).reason()).isEqualTo(Reason.LIFETIME_TOO_LONG);
    }

    // --- attaching the token ---

    @Test
    void authorize_setsExactlyOneBearerAuthorizationHeader_replacingAnyOther() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1/api/items/sku-1"))
                .header("Authorization", "Bearer " + opaqueToken());

        HttpRequest request = client.authorize(builder, INVENTORY_READ).build();

        List<String> authorization = request.headers().allValues("Authorization");
        assertThat(authorization).hasSize(1);
        assertThat(endpoint.issued()).containsExactly(authorization.get(0).substring("Bearer ".length()));
        assertThat(authorization.get(0)).startsWith("Bearer ");
    }

    @Test
    void authorize_whenNoTokenCanBeObtained_throwsAndAddsNothing() {
        endpoint.respondWith(request -> Answer.text(500, "text/plain", "down"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1/api/items/sku-1"));

        failure(() -> client.authorize(builder, INVENTORY_READ));

        assertThat(builder.build().headers().allValues("Authorization")).isEmpty();
    }

    // --- helpers ---

    private TokenClient client(String secret) {
        return builder(secret).build();
    }

    private TokenClient.Builder builder(String secret) {
        return TokenClient.builder(endpoint.uri())
                .clientId(FakeTokenEndpoint.CLIENT_ID)
                .clientSecret(Secret.of(secret.toCharArray()))
                .clock(clock)
                .timeout(Duration.ofSeconds(3));
    }

    private String userToken(String subject) {
        String token = TestTokens.valid(clock).subject(subject).claim("aud", "orders-service").sign();
        subjectTokens.add(token);
        return token;
    }

    /** An opaque (non-JWT) token the endpoint or a caller presents, registered like every minted one. */
    private static String opaqueToken() {
        return MintedTokens.register("opaque-" + java.util.UUID.randomUUID());
    }

    private ServiceTokenException failure(Runnable call) {
        try {
            call.run();
        } catch (ServiceTokenException e) {
            failures.add(e);
            return e;
        }
        return fail("expected a ServiceTokenException, but a token was obtained");
    }

    private List<ServiceToken> concurrently(int callers, java.util.function.IntFunction<TokenRequest> requests)
            throws Exception {
        List<ServiceToken> tokens = new ArrayList<>();
        for (ConcurrentCallers.Result result : ConcurrentCallers.run(endpoint, callers, i -> {
            TokenRequest request = requests.apply(i);
            return () -> client.token(request);
        })) {
            assertThat(result.failure()).isNull();
            tokens.add(result.token());
        }
        return tokens;
    }
}
