package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.zt.core.Jwks;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter with its keys from a JWKS over real local HTTP: a flood of tokens with random
 * {@code kid}s is refused without turning into a flood of JWKS fetches, while a valid token keeps
 * working throughout.
 */
class HttpJwksIT {

    private static final int FLOOD = 1_000;
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static HttpServer idp;
    private static ZeroTrustServer server;

    @BeforeAll
    static void start() throws Exception {
        LogCapture.install();
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = TestKeys.jwksOf(TestKeys.RS256, TestKeys.ES256).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        URI jwks = URI.create("http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks");
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromUri(jwks).clock(CLOCK).minRefreshInterval(Duration.ofSeconds(30)).build(), CLOCK).build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        idp.stop(0);
    }

    @Test
    void randomKidsWhenFloodedThenRefusedWithBoundedFetches() {
        Http http = new Http(server);
        Refusals.assertAccepted(http.bearer("/orders", TestTokens.valid(CLOCK).sign()), "alice");
        int before = FETCHES.get();
        assertThat(before).as("the first verification fetched the JWKS over HTTP").isGreaterThanOrEqualTo(1);

        for (int i = 0; i < FLOOD; i++) {
            String token = TestTokens.valid(CLOCK).signedWith(TestKeys.NEXT_RS256).header("kid", UUID.randomUUID().toString()).sign();
            Refusals.assertInvalidToken(http.bearer("/orders", token));
            if (i % 100 == 0) {
                Refusals.assertAccepted(http.bearer("/orders", TestTokens.valid(CLOCK).signedWith(TestKeys.ES256).sign()), "alice");
            }
        }

        assertThat(FETCHES.get() - before).as("JWKS fetches caused by %d unknown kids", FLOOD).isLessThanOrEqualTo(1);
    }

    @Test
    void randomKidsWhenFloodedAcrossRefreshIntervalsThenAtMostOneFetchPerInterval() {
        Http http = new Http(server);
        Refusals.assertAccepted(http.bearer("/orders", TestTokens.valid(CLOCK).sign()), "alice");

        for (int interval = 0; interval < 3; interval++) {
            CLOCK.advance(Duration.ofSeconds(31));
            int before = FETCHES.get();
            for (int i = 0; i < 50; i++) {
                String token = TestTokens.valid(CLOCK).header("kid", "random-" + UUID.randomUUID()).sign();
                Refusals.assertInvalidToken(http.bearer("/orders", token));
            }
            Refusals.assertAccepted(http.bearer("/orders", TestTokens.valid(CLOCK).sign()), "alice");
            assertThat(FETCHES.get() - before).as("fetches in interval %d", interval).isLessThanOrEqualTo(1);
        }
    }
}
