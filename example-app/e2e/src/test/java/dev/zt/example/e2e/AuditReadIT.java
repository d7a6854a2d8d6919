package dev.zt.example.e2e;

import static dev.zt.example.e2e.RunningExample.orders;
import static dev.zt.example.e2e.RunningExample.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/audit/events}: the orders service's recent access decisions for a caller with
 * {@code audit:read}, tenant-scoped. Two tenants of this run (fresh names, so other tests' traffic
 * cannot blur the picture) each make a granted and a denied call; each tenant's auditor sees exactly
 * their own tenant's decisions and nothing of the other's.
 */
class AuditReadIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT_A = "audit-a-" + RUN;
    private static final String TENANT_B = "audit-b-" + RUN;
    private static final String USER_A = "ann-" + RUN;
    private static final String USER_B = "bob-" + RUN;
    private static final String SERVICE = "dev.zt.example.orders.service.OrderService";
    private static final String ORDER = "{\"item\":\"sku-1\",\"quantity\":1}";

    private static String readerA;
    private static String readerB;

    @BeforeAll
    static void eachTenantMakesAGrantedAndADeniedCall() {
        readerA = userToken(USER_A, TENANT_A, "orders:read");
        readerB = userToken(USER_B, TENANT_B, "orders:read");
        for (String reader : List.of(readerA, readerB)) {
            assertThat(Http.get(orders("api/orders"), reader).statusCode()).isEqualTo(200);
            assertThat(Http.post(orders("api/orders"), reader, ORDER).statusCode()).isEqualTo(403);
        }
    }

    private static String auditor(String tenant) {
        return userToken("auditor-" + RUN, tenant, "audit:read");
    }

    /** The auditor's view, read until {@code complete} holds (events are delivered asynchronously). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> eventsSeenBy(String token, Predicate<List<Map<String, Object>>> complete)
            throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            HttpResponse<String> response = Http.get(orders("api/audit/events?limit=1000"), token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).doesNotContain(readerA).doesNotContain(readerB).doesNotContain(token);
            List<Map<String, Object>> events = (List<Map<String, Object>>) Http.object(response.body()).get("events");
            if (complete.test(events) || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(100);
        }
    }

    private static Predicate<List<Map<String, Object>>> deniedPlaceBy(String subject) {
        return events -> events.stream().anyMatch(e -> subject.equals(e.get("actorSubject")) && "ZT-3001".equals(e.get("reason")));
    }

    @Test
    void auditorOfTenantAWhenReadingThenSeesAnnsGrantAndDenialAndNothingOfTenantB() throws Exception {
        List<Map<String, Object>> events = eventsSeenBy(auditor(TENANT_A), deniedPlaceBy(USER_A));

        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("actorTenant", TENANT_A));
        assertThat(events).noneMatch(e -> USER_B.equals(e.get("actorSubject")));
        assertThat(events).filteredOn(e -> USER_A.equals(e.get("actorSubject"))).anySatisfy(e -> assertThat(e)
                .containsEntry("layer", "CDI").containsEntry("outcome", "GRANTED").containsEntry("reason", "ZT-3000")
                .containsEntry("action", SERVICE + "#list").containsEntry("actorKind", "USER")
                .containsKeys("time", "tokenId", "requestId", "remoteAddress"));
        assertThat(events).filteredOn(e -> USER_A.equals(e.get("actorSubject"))).anySatisfy(e -> assertThat(e)
                .containsEntry("layer", "CDI").containsEntry("outcome", "DENIED").containsEntry("reason", "ZT-3001")
                .containsEntry("action", SERVICE + "#place")
                .hasEntrySatisfying("detail", d -> assertThat((String) d).endsWith("lacks [orders:write]")));
    }

    @Test
    void auditorOfTenantBWhenReadingThenSeesBobsDenialAndNothingOfTenantA() throws Exception {
        List<Map<String, Object>> events = eventsSeenBy(auditor(TENANT_B), deniedPlaceBy(USER_B));

        assertThat(events).filteredOn(e -> USER_B.equals(e.get("actorSubject")))
                .anySatisfy(e -> assertThat(e).containsEntry("reason", "ZT-3001").containsEntry("outcome", "DENIED"));
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("actorTenant", TENANT_B));
        assertThat(events).noneMatch(e -> USER_A.equals(e.get("actorSubject")));
    }

    @Test
    void readerWithoutAuditReadWhenReadingThen403InsufficientScopeAndTheRefusalIsAuditedForTheTenant() throws Exception {
        HttpResponse<String> refused = Http.get(orders("api/audit/events"), readerA);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .contains("error=\"insufficient_scope\"").contains("scope=\"audit:read\""));
        List<Map<String, Object>> events = eventsSeenBy(auditor(TENANT_A), es -> es.stream()
                .anyMatch(e -> USER_A.equals(e.get("actorSubject")) && "dev.zt.example.orders.service.AuditLog#recentForCallersTenant"
                        .equals(e.get("action"))));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("actorSubject", USER_A)
                .containsEntry("outcome", "DENIED").containsEntry("reason", "ZT-3001")
                .containsEntry("action", "dev.zt.example.orders.service.AuditLog#recentForCallersTenant"));
    }

    @Test
    void anonymousWhenReadingThen401AndAnInvalidLimitThen400() {
        assertThat(Http.get(orders("api/audit/events"), null).statusCode()).isEqualTo(401);

        HttpResponse<String> badLimit = Http.get(orders("api/audit/events?limit=0"), auditor(TENANT_A));
        assertThat(badLimit.statusCode()).as(badLimit.body()).isEqualTo(400);
        assertThat(badLimit.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Http.get(orders("api/audit/events?limit=5"), auditor(TENANT_A)).statusCode()).isEqualTo(200);
    }
}
