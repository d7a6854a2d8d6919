package dev.zt.client;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.zt.client.FakeTokenEndpoint.Answer;
import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import dev.zt.core.RequestCorrelation;
import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's audit events against the real token endpoint on loopback: exactly one per token
 * obtained and one per failure, none per cache hit, and never the secret or a token in any event.
 */
class TokenClientAuditIT {

    private static final TokenRequest INVENTORY_READ = TokenRequest.of("inventory-service", "inventory:read");
    private static final String WRONG_SECRET = "not-the-secret";
    /** Every event's JSON line of every test, appended (the README's sample lines come from here). */
    private static final Path RECORDED_LINES = Path.of("target", "zt-client-audit-events.jsonl");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<AuditEvent> recorded = new CopyOnWriteArrayList<>();
    private final List<String> subjectTokens = new CopyOnWriteArrayList<>();
    private FakeTokenEndpoint endpoint;
    private AuditTrail trail;
    private Audit.Installation installed;
    private TokenClient client;

    @BeforeEach
    void start() throws IOException {
        endpoint = new FakeTokenEndpoint(clock);
        trail = AuditTrail.builder().sink(recorded::add).clock(clock).build();
        installed = Audit.install(trail);
        client = builder(FakeTokenEndpoint.SECRET).build();
    }

    @AfterEach
    void noSecretOrTokenInAnyEvent() throws IOException {
        try {
            List<String> lines = events().stream().map(AuditEvent::toJson).toList();
            Files.write(RECORDED_LINES, lines, StandardCharsets.UTF_8, CREATE, APPEND);
            assertThat(leaks(lines)).isEmpty();
        } finally {
            installed.close();
            trail.close();
            endpoint.close();
        }
    }

    // --- granted ---

    @Test
    void tokenWhenObtainedFromTheEndpointThenOneGrantedEventWithClientAudienceScopeLifetimeAndJti() {
        ServiceToken token = client.token(INVENTORY_READ);

        AuditEvent event = single(events());
        assertThat(event.layer()).isEqualTo(Layer.CLIENT);
        assertThat(event.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(event.reason()).isEqualTo("ZT-7000");
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(event.clientId()).contains(FakeTokenEndpoint.CLIENT_ID);
        assertThat(event.target()).contains("inventory-service");
        assertThat(event.detail()).contains("scope inventory:read; expires in 300 s; grant client_credentials");
        assertThat(event.tokenId()).contains(jti(token.value()));
        assertThat(event.actorSubject()).isEmpty();
        assertThat(event.delegation()).isEmpty();
    }

    @Test
    void tokenWhenServedFromTheCacheThenNoEvent() {
        ServiceToken first = client.token(INVENTORY_READ);
        clock.advance(Duration.ofSeconds(60));
        ServiceToken second = client.token(INVENTORY_READ);

        assertThat(second.value()).isEqualTo(first.value());
        assertThat(endpoint.requests()).isEqualTo(1);
        assertThat(events()).hasSize(1); // the fetch's, not the hit's
    }

    @Test
    void tokenWhenRefreshedPastTheMarginThenOneEventPerFetch() {
        ServiceToken first = client.token(INVENTORY_READ);   // 300 s, margin 30 s
        clock.advance(Duration.ofSeconds(269));
        client.token(INVENTORY_READ);                          // cache hit
        clock.advance(Duration.ofSeconds(2));
        ServiceToken refreshed = client.token(INVENTORY_READ); // refresh

        List<AuditEvent> events = events();
        assertThat(endpoint.requests()).isEqualTo(2);
        assertThat(events).extracting(AuditEvent::reason).containsExactly("ZT-7000", "ZT-7000");
        assertThat(events).extracting(e -> e.tokenId().orElseThrow())
                .containsExactly(jti(first.value()), jti(refreshed.value()));
        assertThat(events).extracting(AuditEvent::time)
                .containsExactly(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:04:31Z"));
    }

    @Test
    void tokenExchangeWhenGrantedThenTheEventNamesTheUserAndUsAsTheActingParty() {
        Actor alice = Actor.builder("alice", ActorKind.USER).tenant("acme").clientId("web-app").tokenId("alice-jti")
                .validFor(clock, Duration.ofMinutes(5)).build();

        ServiceToken token = ActorContext.getAs(alice, () -> client.token(INVENTORY_READ.onBehalfOf(userToken("alice"))));

        AuditEvent event = single(events());
        assertThat(event.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(event.actorSubject()).contains("alice");
        assertThat(event.actorKind()).contains(ActorKind.USER);
        assertThat(event.actorTenant()).contains("acme");
        assertThat(event.delegation()).containsExactly(FakeTokenEndpoint.CLIENT_ID);
        assertThat(event.clientId()).contains(FakeTokenEndpoint.CLIENT_ID); // ours, not the user's web-app
        assertThat(event.tokenId()).contains(jti(token.value()));            // the obtained token's, not alice-jti
        assertThat(event.detail()).contains("scope inventory:read; expires in 300 s; grant token-exchange");
    }

    @Test
    void tokenExchangeWhenTheActorIsAlreadyDelegatedThenWeComeFirstInTheChain() {
        Actor alice = Actor.builder("alice", ActorKind.USER).actingParties(List.of(ActingParty.of("gateway")))
                .validFor(clock, Duration.ofMinutes(5)).build();

        ActorContext.getAs(alice, () -> client.token(INVENTORY_READ.onBehalfOf(userToken("alice"))));

        assertThat(single(events()).delegation()).containsExactly(FakeTokenEndpoint.CLIENT_ID, "gateway");
    }

    @Test
    void eventWhenTheCallerRunsInARequestThenCarriesItsCorrelation_thoughTheFetchEndsOnAnotherThread() {
        RequestCorrelation request = new RequestCorrelation("req-7", "4bf92f3577b34da6a3ce929d0e0e4736", "10.0.0.7");
        try (RequestCorrelation.Binding ignored = RequestCorrelation.bind(request)) {
            client.token(INVENTORY_READ);
        }

        AuditEvent event = single(events());
        assertThat(event.requestId()).contains("req-7");
        assertThat(event.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(event.remoteAddress()).contains("10.0.0.7");
    }

    // --- single flight ---

    @Test
    void sixteenCallersWhenTheCacheIsColdThenOneRequestAndOneEvent() throws Exception {
        List<ConcurrentCallers.Result> results = ConcurrentCallers.run(endpoint, 16, i -> () -> client.token(INVENTORY_READ));

        assertThat(results).allMatch(r -> r.token() != null && r.token().value().equals(results.get(0).token().value()));
        assertThat(endpoint.requests()).isEqualTo(1);
        assertThat(single(events()).reason()).isEqualTo("ZT-7000");
    }

    @Test
    void sixteenCallersWhenTheirSharedFetchFailsThenOneDeniedEvent() throws Exception {
        endpoint.respondWith(request -> Answer.text(503, "text/plain", "down"));

        List<ConcurrentCallers.Result> results = ConcurrentCallers.run(endpoint, 16, i -> () -> client.token(INVENTORY_READ));

        assertThat(results).allMatch(r -> r.failure() instanceof ServiceTokenException e && e.id().equals("ZT-7003"));
        AuditEvent event = single(events());
        assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(event.reason()).isEqualTo("ZT-7003");
    }

    @Test
    void callerWhenInterruptedWhileWaitingThenItsOwnDenial_andTheFetchStillItsGrant() throws Exception {
        endpoint.hold();
        Thread first = new Thread(() -> client.token(INVENTORY_READ));
        first.start();
        assertThat(endpoint.awaitFirstRequest()).isTrue();
        AtomicReference<Throwable> waiterFailure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                client.token(INVENTORY_READ);
            } catch (ServiceTokenException e) {
                waiterFailure.set(e);
            }
        });
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiter.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                fail("the second caller did not wait for the in-flight request");
            }
            Thread.onSpinWait();
        }
        waiter.interrupt();
        waiter.join(10_000);
        endpoint.release();
        first.join(10_000);

        assertThat(waiterFailure.get()).isInstanceOf(ServiceTokenException.class).hasMessageStartingWith("ZT-7011");
        assertThat(endpoint.requests()).isEqualTo(1);
        assertThat(events()).extracting(AuditEvent::outcome, AuditEvent::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Outcome.DENIED, "ZT-7011"),
                org.assertj.core.groups.Tuple.tuple(Outcome.GRANTED, "ZT-7000"));
    }

    // --- denied: one event per failure, with the failure's own id ---

    @Test
    void tokenExchangeWhenNoActorIsBoundThenDeniedZt7013_andNothingIsSent() {
        ServiceTokenException e = failure(() -> client.token(INVENTORY_READ.onBehalfOf(userToken("alice"))));

        assertThat(e.id()).isEqualTo("ZT-7013");
        assertThat(endpoint.requests()).isZero();
        AuditEvent event = denial("ZT-7013");
        assertThat(event.actorSubject()).isEmpty();
        assertThat(event.detail()).get().asString().startsWith("scope inventory:read; grant token-exchange; ");
    }

    @Test
    void tokenWhenTheEndpointRefusesTheClientThenDeniedZt7004WithTheErrorCodeOnly() {
        TokenClient wrong = builder(WRONG_SECRET).build();

        failure(() -> wrong.token(INVENTORY_READ));

        AuditEvent event = denial("ZT-7004");
        assertThat(event.detail()).get().asString().contains("error=invalid_client").contains("HTTP status 401");
        assertThat(event.tokenId()).isEmpty();
    }

    @Test
    void tokenExchangeWhenRefusedThenDeniedWithTheUser_andNotTheErrorDescription() {
        endpoint.respondWith(request -> Answer.json(400, Map.of("error", "invalid_grant",
                "error_description", "subject token " + request.form().get("subject_token") + " is revoked")));
        Actor alice = Actor.builder("alice", ActorKind.USER).validFor(clock, Duration.ofMinutes(5)).build();

        ActorContext.runAs(alice, () -> failure(() -> client.token(INVENTORY_READ.onBehalfOf(userToken("alice")))));

        AuditEvent event = denial("ZT-7004");
        assertThat(event.actorSubject()).contains("alice");
        assertThat(event.delegation()).containsExactly(FakeTokenEndpoint.CLIENT_ID);
        assertThat(event.detail()).get().asString().contains("error=invalid_grant").doesNotContain("revoked");
    }

    @Test
    void tokenWhenTheEndpointIsDownThenDeniedZt7001() throws IOException {
        TokenClient unreachable = FakeTokenEndpoint.unreachableClient(clock);

        failure(() -> unreachable.token(INVENTORY_READ));

        denial("ZT-7001");
    }

    @Test
    void tokenWhenTheEndpointDoesNotAnswerInTimeThenDeniedZt7002() {
        TokenClient impatient = builder(FakeTokenEndpoint.SECRET).timeout(Duration.ofMillis(300)).build();
        endpoint.hold();

        failure(() -> impatient.token(INVENTORY_READ));

        denial("ZT-7002");
    }

    @Test
    void tokenWhenTheStatusIsUnexpectedThenDeniedZt7003_withoutTheBody() {
        endpoint.respondWith(request -> Answer.text(500, "text/html", "<html>stack trace</html>"));

        failure(() -> client.token(INVENTORY_READ));

        assertThat(denial("ZT-7003").detail()).get().asString().contains("HTTP status 500").doesNotContain("stack");
    }

    @Test
    void tokenWhenTheResponseIsTooLargeThenDeniedZt7005() {
        endpoint.respondWith(request -> Answer.text(200, "application/json", "{\"pad\":\"" + "x".repeat(100_000) + "\"}"));

        failure(() -> client.token(INVENTORY_READ));

        denial("ZT-7005");
    }

    @Test
    void tokenWhenTheResponseIsMalformedThenDeniedZt7006() {
        endpoint.respondWith(request -> Answer.text(200, "application/json", "{\"access_token\": "));

        failure(() -> client.token(INVENTORY_READ));

        denial("ZT-7006");
    }

    @Test
    void tokenWhenTheResponseHasNoBearerTokenThenDeniedZt7007() {
        endpoint.respondWith(request -> endpoint.mint(request).withMember("token_type", "N_A"));

        failure(() -> client.token(INVENTORY_READ));

        denial("ZT-7007");
    }

    @Test
    void tokenWhenItLivesLongerThanRequestedThenDeniedZt7008() {
        endpoint.expiresIn = 3600;

        failure(() -> client.token(INVENTORY_READ));

        denial("ZT-7008");
    }

    @Test
    void tokenWhenExpiresInIsMissingThenDeniedZt7009() {
        endpoint.respondWith(request -> endpoint.mint(request).withMember("expires_in", null));

        failure(() -> client.token(INVENTORY_READ));

        denial("ZT-7009");
    }

    @Test
    void tokenWhenItExpiresWithinTheMarginThenDeniedZt7010() {
        endpoint.jwtLifetime = Duration.ofSeconds(20);

        failure(() -> client.token(INVENTORY_READ));

        denial("ZT-7010");
    }

    // --- what the endpoint says is never copied blindly ---

    @Test
    void grantWhenAHostileEndpointEchoesTheSubjectTokenAsScopeAndJtiThenNeitherIsWritten() {
        String subject = MintedTokens.register("opaque-subject-" + java.util.UUID.randomUUID()); // short enough for a jti
        subjectTokens.add(subject);
        endpoint.respondWith(request -> {
            String echoing = TestTokens.valid(clock).claim("jti", subject).expiresAt(clock.instant().plusSeconds(300)).sign();
            endpoint.issued().add(echoing);
            return Answer.json(200, Map.of("access_token", echoing, "token_type", "Bearer", "expires_in", 300,
                    "issued_token_type", TokenResponses.ACCESS_TOKEN_TYPE, "scope", subject + " inventory:read"));
        });
        Actor alice = Actor.builder("alice", ActorKind.USER).validFor(clock, Duration.ofMinutes(5)).build();

        ActorContext.getAs(alice, () -> client.token(INVENTORY_READ.onBehalfOf(subject)));

        AuditEvent event = single(events());
        assertThat(event.tokenId()).isEmpty();
        assertThat(event.detail()).contains("scope inventory:read (+1 not requested); expires in 300 s; grant token-exchange");
        assertThat(event.toJson()).doesNotContain(subject); // also checked, with every other token, after each test
    }

    @Test
    void leakScanWhenASecretOrTokenIsPutIntoAnEventThenFindsIt() {
        ServiceToken token = client.token(INVENTORY_READ);
        String subject = userToken("bob");
        String signature = token.value().substring(token.value().lastIndexOf('.') + 1);
        List<String> planted = List.of(
                planted(token.value()), planted(signature), planted(subject), planted(FakeTokenEndpoint.SECRET),
                planted(FormEncoding.encode(FakeTokenEndpoint.SECRET)), planted(WRONG_SECRET));

        for (String line : planted) {
            assertThat(leaks(List.of(line))).as(line).isNotEmpty();
        }
        assertThat(leaks(List.of(single(events()).toJson()))).isEmpty(); // the real event is clean
    }

    // --- helpers ---

    private TokenClient.Builder builder(String secret) {
        return TokenClient.builder(endpoint.uri())
                .clientId(FakeTokenEndpoint.CLIENT_ID)
                .clientSecret(Secret.of(secret.toCharArray()))
                .clock(clock)
                .timeout(Duration.ofSeconds(3));
    }

    /** Every event recorded so far: closes the trail after delivering all of them. */
    private List<AuditEvent> events() {
        assertThat(trail.closeAndDrain()).isTrue();
        return List.copyOf(recorded);
    }

    private static AuditEvent single(List<AuditEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The one event, a DENIED of layer CLIENT with {@code id}, our client id and the audience as target. */
    private AuditEvent denial(String id) {
        AuditEvent event = single(events());
        assertThat(event.layer()).isEqualTo(Layer.CLIENT);
        assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(event.reason()).isEqualTo(id);
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(event.clientId()).contains(FakeTokenEndpoint.CLIENT_ID);
        assertThat(event.target()).contains("inventory-service");
        assertThat(event.tokenId()).isEmpty();
        assertThat(event.detail()).get().asString().startsWith("scope inventory:read; grant ");
        return event;
    }

    private static ServiceTokenException failure(Runnable call) {
        try {
            call.run();
        } catch (ServiceTokenException e) {
            return e;
        }
        return fail("expected a ServiceTokenException, but a token was obtained");
    }

    private String userToken(String subject) {
        String token = TestTokens.valid(clock).subject(subject).claim("aud", "orders-service").sign();
        subjectTokens.add(token);
        return token;
    }

    /** The secret in every form it is sent in, and every token of this test (whole, and its signature alone). */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(FakeTokenEndpoint.SECRET, FormEncoding.encode(FakeTokenEndpoint.SECRET),
                FormEncoding.basicCredentials(FakeTokenEndpoint.CLIENT_ID, FakeTokenEndpoint.SECRET.toCharArray())
                        .substring("Basic ".length()),
                WRONG_SECRET));
        List<String> tokens = new ArrayList<>(endpoint.issued());
        tokens.addAll(subjectTokens);
        for (String token : tokens) {
            secrets.add(token);
            secrets.add(token.substring(token.lastIndexOf('.') + 1));
        }
        return secrets;
    }

    /** Each (text, secret) pair where the text contains the secret. */
    private List<String> leaks(List<String> texts) {
        List<String> found = new ArrayList<>();
        List<String> secrets = secrets();
        for (String text : texts) {
            for (int i = 0; i < secrets.size(); i++) {
                if (text.contains(secrets.get(i))) {
                    found.add("secret #" + i + " in " + text.length() + " characters of event JSON");
                }
            }
        }
        return found;
    }

    private String planted(String value) {
        return AuditEvent.builder(clock.instant(), Layer.CLIENT, Outcome.GRANTED, "ZT-7000").target("leaked " + value)
                .build().toJson();
    }

    /** The {@code jti} of a JWT, read here independently of the client's own reader. */
    private static String jti(String jwt) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            return (String) JsonUtil.parseJson(payload).get("jti");
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
