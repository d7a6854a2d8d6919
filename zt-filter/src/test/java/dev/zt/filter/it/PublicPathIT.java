package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static dev.zt.filter.it.Refusals.assertAccepted;
import static dev.zt.filter.it.Refusals.assertAnonymous;
import static dev.zt.filter.it.Refusals.assertInsufficientScope;
import static dev.zt.filter.it.Refusals.assertNoCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.zt.core.Jwks;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public paths ({@code /health}, {@code /public/*}) and path scope rules ({@code /admin/*} needs
 * {@code admin:write}) are matched on the canonical path: no encoding, parameter, dot-segment or
 * case trick widens a public path. Each trick is sent raw, to two servers: Jetty with its default
 * URI compliance (which may refuse ambiguous URIs itself with a 400), and Jetty with
 * {@code UriCompliance.UNSAFE}, so that the filter's own canonicalisation is what must hold.
 */
class PublicPathIT {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static ZeroTrustServer strict;
    private static ZeroTrustServer lenient;

    @BeforeAll
    static void start() {
        LogCapture.install();
        strict = ZeroTrustServer.start(settings());
        lenient = ZeroTrustServer.start(settings(), 32, true);
    }

    private static dev.zt.filter.ZeroTrustSettings settings() {
        return ZeroTrustServer.settings(ZeroTrustServer.policy().build(), Jwks.fromJson(TestKeys.jwks()), CLOCK).build();
    }

    @AfterAll
    static void stop() throws Exception {
        strict.close();
        lenient.close();
    }

    static Stream<Arguments> servers() {
        return Stream.of(Arguments.of(named("default Jetty", (java.util.function.Supplier<ZeroTrustServer>) () -> strict)),
                Arguments.of(named("lenient Jetty (UNSAFE URIs)", (java.util.function.Supplier<ZeroTrustServer>) () -> lenient)));
    }

    // ---------------------------------------------------------------- positive controls

    static Stream<Arguments> publicPaths() {
        return Stream.of("/health", "/public", "/public/x", "/public/a/b", "/public/./x", "/public/a/../x",
                        "/public;jsessionid=abc/x", "/public/x;jsessionid=abc", "/%70ublic/x")
                .flatMap(path -> servers().map(s -> Arguments.of(named(path, path), s.get()[0])));
    }

    @ParameterizedTest(name = "{0} on {1} → 200 without token")
    @MethodSource("publicPaths")
    void publicPathWhenNoTokenThenServedWithoutActor(String path, java.util.function.Supplier<ZeroTrustServer> server) {
        assertAnonymous(new Http(server.get()).raw("GET " + path + " HTTP/1.1\r\n"));
    }

    @Test
    void publicPathWhenValidTokenThenActorEstablished() {
        assertAccepted(new Http(strict).bearer("/public/x", TestTokens.valid(CLOCK).sign()), "alice");
    }

    @Test
    void publicPathWhenInvalidTokenThenStillRefused() {
        Refusals.assertInvalidToken(new Http(strict).bearer("/public/x", Tokens.flipSignatureByte(TestTokens.valid(CLOCK).sign())));
    }

    // ---------------------------------------------------------------- tricks that must stay protected

    static Stream<Arguments> protectedPaths() {
        List<String> paths = List.of(
                "/private",
                "/publicity",
                "/public-x",
                "/healthz",
                "/health/",
                "/health/x",
                "/PUBLIC/x",
                "/Health",
                "/public/../private",
                "/public/./../private",
                "/public/%2e%2e/private",
                "/public/%2E%2E/private",
                "/public/.%2e/private",
                "/public%2F..%2Fprivate",
                "/public%2f..%2fprivate",
                "/public/..%2Fprivate",
                "/public/..%5Cprivate",
                "/public/..\\private",
                "/public;jsessionid=x/../private",
                "/public/x;/../../private",
                "/public/%zz/../../private",
                "/public/%00/../../private",
                "/public/%c0%ae%c0%ae/private",
                "/health%2F",
                "/health;x=y/../private",
                "/./private",
                "/../public/x");
        return paths.stream().flatMap(path -> servers().map(s -> Arguments.of(named(path, path), s.get()[0])));
    }

    @ParameterizedTest(name = "{0} on {1} → refused without token")
    @MethodSource("protectedPaths")
    void protectedPathWhenDisguisedAsPublicThenStillNeedsToken(String path, java.util.function.Supplier<ZeroTrustServer> server) {
        Reply reply = new Http(server.get()).raw("GET " + path + " HTTP/1.1\r\n");

        assertThat(reply.status()).as("%s answered %s", path, reply.everything()).isIn(400, 401);
        if (reply.status() == 401) {
            assertNoCredentials(reply);
        }
    }

    @Test
    void lenientJettyWhenDotSegmentsEncodedThenTheFilterItselfRefuses() {
        // Jetty lets these through unchanged here: the 401 is the filter's canonicalisation at work.
        for (String path : List.of("/public/%2e%2e/private", "/public/%2E%2E/private", "/public/.%2e/private",
                "/public;jsessionid=x/../private", "/public%2F..%2Fprivate", "/public/..%2Fprivate")) {
            Reply reply = new Http(lenient).raw("GET " + path + " HTTP/1.1\r\n");
            assertThat(reply.status()).as("%s answered %s", path, reply.everything()).isEqualTo(401);
            assertNoCredentials(reply);
        }
    }

    @ParameterizedTest(name = "//public/x on {0}: the same public resource as /public/x, or refused")
    @MethodSource("servers")
    void doubleSlashWhenBeforePublicPathThenNoMoreThanThePublicPath(java.util.function.Supplier<ZeroTrustServer> server) {
        Reply reply = new Http(server.get()).raw("GET //public/x HTTP/1.1\r\n");

        // CanonicalPath collapses empty segments: //public/x is /public/x, so it may be public, but
        // never widens to anything else; Jetty may also refuse it as ambiguous.
        assertThat(reply.status()).isIn(200, 400);
        if (reply.status() == 200) {
            assertAnonymous(reply);
        }
    }

    @ParameterizedTest(name = "/public/%252e%252e/private on {0}: decoded once, a segment named %2e%2e under /public")
    @MethodSource("servers")
    void doubleEncodedDotsWhenUnderPublicThenDecodedOnlyOnce(java.util.function.Supplier<ZeroTrustServer> server) {
        Reply reply = new Http(server.get()).raw("GET /public/%252e%252e/private HTTP/1.1\r\n");

        // One decoding gives the literal segment "%2e%2e": still under /public, never /private.
        assertThat(reply.status()).isIn(200, 400);
        if (reply.status() == 200) {
            assertAnonymous(reply);
        }
    }

    // ---------------------------------------------------------------- path scope rules

    @Test
    void adminPathWhenScopeMissingThenInsufficientScope() {
        Reply reply = new Http(strict).bearer("/admin/users", TestTokens.valid(CLOCK).sign());

        assertInsufficientScope(reply, "admin:write");
    }

    @Test
    void adminPathWhenScopePresentThenAccepted() {
        String token = TestTokens.valid(CLOCK).scope("orders:read admin:write").sign();

        assertAccepted(new Http(strict).bearer("/admin/users", token), "alice");
    }

    @Test
    void adminPathWhenSimilarScopeThenInsufficientScope() {
        String token = TestTokens.valid(CLOCK).scope("admin:writer Admin:write admin:read").sign();

        assertInsufficientScope(new Http(strict).bearer("/admin/users", token), "admin:write");
    }

    @Test
    void adminPathWhenNoTokenThenBareChallenge() {
        assertNoCredentials(new Http(strict).get("/admin/users"));
    }

    @ParameterizedTest(name = "disguised admin path on {0} still needs admin:write")
    @MethodSource("servers")
    void adminPathWhenDisguisedThenScopeRuleStillApplies(java.util.function.Supplier<ZeroTrustServer> server) {
        String token = TestTokens.valid(CLOCK).sign();
        for (String path : List.of("/admin/users", "/public/../admin/users", "/admin;x=y/users", "/./admin/users",
                "/admin/./users", "/x/../admin/users", "/%61dmin/users")) {
            Reply reply = new Http(server.get()).raw("GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n");
            assertThat(reply.status()).as("%s answered %s", path, reply.everything()).isIn(400, 403);
            if (reply.status() == 403) {
                assertInsufficientScope(reply, "admin:write");
            }
        }
    }

    @ParameterizedTest(name = "ambiguous admin path on {0} still needs admin:write")
    @MethodSource("servers")
    void adminPathWhenAmbiguousThenScopeRuleStillApplies(java.util.function.Supplier<ZeroTrustServer> server) {
        String token = TestTokens.valid(CLOCK).sign();
        for (String path : List.of("/admin/x%2Fy", "/admin/x%5Cy", "/admin%2Fusers", "/admin/%c0%ae", "/admin/x%00",
                "/admin/%zz", "/admin/x\\y")) {
            Reply reply = new Http(server.get()).raw("GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n");
            assertThat(reply.status()).as("%s answered %s", path, reply.everything()).isIn(400, 403);
            if (reply.status() == 403) {
                assertInsufficientScope(reply, "admin:write");
            }
        }
    }

    @ParameterizedTest(name = "ambiguous admin path on {0} with admin:write is not refused for scope")
    @MethodSource("servers")
    void adminPathWhenAmbiguousAndScopePresentThenNotForbidden(java.util.function.Supplier<ZeroTrustServer> server) {
        String token = TestTokens.valid(CLOCK).scope("admin:write").sign();
        Reply reply = new Http(server.get()).raw("GET /admin/x%2Fy HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n");

        assertThat(reply.status()).isIn(200, 400);
    }

    @Test
    void applicationWhenThrowsInsufficientScopeThenForbiddenWithTheScope() {
        Reply reply = new Http(strict).bearer("/scope-needed", TestTokens.valid(CLOCK).sign());

        assertInsufficientScope(reply, ZeroTrustServer.APP_REQUIRED_SCOPE);
    }

    @Test
    void applicationScopeEndpointWhenNoTokenThenBareChallenge() {
        assertNoCredentials(new Http(strict).get("/scope-needed"));
    }
}
