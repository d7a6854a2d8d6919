package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Jwks;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 10,000 requests from 16 client threads across 50 tenants (each its own token) into a Jetty of at
 * most 8 threads, interleaved with public-path requests: every answer names exactly its own
 * request's tenant and subject, and no public request ever sees an actor.
 */
class ContextHygieneIT {

    private static final int TENANTS = 50;
    private static final int CLIENTS = 16;
    private static final int REQUESTS = 10_000;
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static ZeroTrustServer server;

    @BeforeAll
    static void start() {
        LogCapture.install();
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).build(), 8, false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void concurrentRequestsWhenManyTenantsThenEachSeesOnlyItsOwnActor() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            tokens.add(TestTokens.valid(CLOCK).tenant("tenant-" + t).subject("user-" + t).sign());
        }
        Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger authenticated = new AtomicInteger();
        AtomicInteger anonymous = new AtomicInteger();
        Http http = new Http(server);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        if (i % 5 == 0) {
                            Map<String, Object> seen = http.get("/public/echo").json();
                            if (seen.get("context") != null || seen.get("principal") != null) {
                                mismatches.add("public request " + i + " saw " + seen);
                            }
                            anonymous.incrementAndGet();
                        } else {
                            int t = (i * 7) % TENANTS;
                            Reply reply = http.bearer("/orders/" + t, tokens.get(t));
                            Map<String, Object> seen = reply.json();
                            if (reply.status() != 200 || !Objects.equals(seen.get("tenant"), "tenant-" + t)
                                    || !Objects.equals(seen.get("principalTenant"), "tenant-" + t)
                                    || !Objects.equals(seen.get("context"), "user-" + t)
                                    || !Objects.equals(seen.get("principal"), "user-" + t)) {
                                mismatches.add("request " + i + " as user-" + t + " saw " + seen);
                            }
                            authenticated.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
            assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(mismatches).isEmpty();
        assertThat(authenticated.get() + anonymous.get()).isEqualTo(REQUESTS);
        assertThat(anonymous.get()).isEqualTo(REQUESTS / 5);
    }
}
