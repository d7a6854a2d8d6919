package dev.zt.example.e2e;

import static dev.zt.example.e2e.RunningExample.issuer;
import static dev.zt.example.e2e.RunningExample.orders;
import static dev.zt.example.e2e.RunningExample.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients across 10 tenants for {@code zt.example.load-seconds} (30 s by default in
 * the build; the figure is 30 s): every answer holds exactly its own tenant's orders. Half
 * way through, the issuer rotates its signing key and the clients move to freshly minted tokens:
 * no valid request is lost.
 */
class ConcurrentTenantsIT {

    private static final int CLIENTS = 32;
    private static final int TENANTS = 10;
    private static final String SCOPES = "orders:read orders:write";

    @Test
    void listWhen32ClientsOf10TenantsRunConcurrentlyThroughAKeyRotationThenEachSeesOnlyItsOwnOrders()
            throws Exception {
        Duration run = Duration.ofSeconds(Long.getLong("zt.example.load-seconds", 30));
        String[] tenants = new String[TENANTS];
        for (int t = 0; t < TENANTS; t++) {
            tenants[t] = "load-" + t;
            String token = userToken("seed", tenants[t], SCOPES.split(" "));
            for (int i = 0; i <= t; i++) { // tenant t holds t+1 orders, so a mix-up shows in the count too
                assertThat(Http.post(orders("api/orders"), token, "{\"item\":\"sku-2\",\"quantity\":1}").statusCode())
                        .isEqualTo(201);
            }
        }
        String keyBefore = issuer().signingKeyId();

        Queue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicIntegerArray perClient = new AtomicIntegerArray(CLIENTS);
        AtomicLong afterRotation = new AtomicLong();
        long start = System.nanoTime();
        long rotateAt = start + run.toNanos() / 2;
        long end = start + run.toNanos();
        CountDownLatch rotated = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                String tenant = tenants[c % TENANTS];
                int expected = c % TENANTS + 1;
                pool.execute(() -> {
                    String token = userToken("user-" + client, tenant, SCOPES.split(" "));
                    boolean fresh = false;
                    while (System.nanoTime() < end && violations.size() < 20) {
                        if (!fresh && rotated.getCount() == 0) { // like a real client: a new token after rotation
                            token = userToken("user-" + client, tenant, SCOPES.split(" "));
                            fresh = true;
                        }
                        try {
                            HttpResponse<String> r = Http.get(orders("api/orders"), token);
                            if (r.statusCode() != 200) {
                                violations.add(tenant + ": status " + r.statusCode());
                                continue;
                            }
                            List<Map<String, Object>> list = Http.array(r.body());
                            if (list.size() != expected || list.stream().anyMatch(o -> !tenant.equals(o.get("tenant")))) {
                                violations.add(tenant + " got " + r.body());
                            }
                            perClient.incrementAndGet(client);
                            if (fresh) {
                                afterRotation.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            violations.add(tenant + ": " + e);
                        }
                    }
                });
            }
            while (System.nanoTime() < rotateAt && violations.isEmpty()) {
                // the pool is running; wait for half time without sleeping in a busy loop
                if (pool.awaitTermination(Math.max(1, (rotateAt - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            issuer().rotateNow();
            rotated.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(run.toSeconds() + 60, TimeUnit.SECONDS)).as("clients finished").isTrue();
        }

        assertThat(violations).isEmpty();
        assertThat(issuer().signingKeyId()).as("the key rotated").isNotEqualTo(keyBefore);
        assertThat(afterRotation.get()).as("requests with tokens signed by the new key").isPositive();
        long total = 0;
        for (int c = 0; c < CLIENTS; c++) {
            assertThat(perClient.get(c)).as("requests of client %d", c).isPositive();
            total += perClient.get(c);
        }
        System.out.printf("ConcurrentTenantsIT: %d clients, %d tenants, %d s, %d requests (%.0f/s), %d after the key rotation%n",
                CLIENTS, TENANTS, run.toSeconds(), total, total / (double) run.toSeconds(), afterRotation.get());
    }
}
