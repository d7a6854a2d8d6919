package dev.zt.example.e2e;

import static dev.zt.example.e2e.RunningExample.orders;
import static dev.zt.example.e2e.RunningExample.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tenant A places 100 orders; tenant B sees none of them, by list, by id or by delete. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    private static final String ALL = "orders:read orders:write orders:delete";
    private final String tenantA = "iso-a";
    private final String tenantB = "iso-b";
    private String alice;
    private String bob;
    private final List<Long> idsOfA = new ArrayList<>();

    @BeforeAll
    void tenantAPlaces100Orders() {
        alice = userToken("alice", tenantA, ALL.split(" "));
        bob = userToken("bob", tenantB, ALL.split(" "));
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> created = Http.post(orders("api/orders"), alice,
                    "{\"item\":\"sku-1\",\"quantity\":" + (i % 5 + 1) + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            idsOfA.add((Long) Http.object(created.body()).get("id"));
        }
    }

    @Test
    void listWhenOtherTenantHas100OrdersThenSeesNone() {
        HttpResponse<String> response = Http.get(orders("api/orders"), bob);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.array(response.body())).isEmpty();
    }

    @Test
    void listWhenOwnTenantThenSeesExactlyItsOrders() {
        HttpResponse<String> response = Http.get(orders("api/orders"), alice);

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> orders = Http.array(response.body());
        assertThat(orders).extracting(o -> o.get("id")).containsExactlyElementsOf(idsOfA);
        assertThat(orders).allSatisfy(o -> {
            assertThat(o).containsEntry("tenant", tenantA).containsEntry("createdBy", "alice")
                    .containsEntry("item", "sku-1").containsKey("quantity");
        });
    }

    @Test
    void getByIdWhenOtherTenantsIdThen404ExactlyAsForMissingId() {
        HttpResponse<String> missing = Http.get(orders("api/orders/" + Long.MAX_VALUE / 2), bob);
        assertThat(missing.statusCode()).isEqualTo(404);

        for (long id : idsOfA) {
            HttpResponse<String> guess = Http.get(orders("api/orders/" + id), bob);
            assertThat(guess.statusCode()).as("B guessing A's order %d", id).isEqualTo(404);
            assertThat(guess.body()).isEqualTo(missing.body());
            assertThat(guess.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
        }
        // positive control: the ids are real
        HttpResponse<String> own = Http.get(orders("api/orders/" + idsOfA.get(0)), alice);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Http.object(own.body())).containsEntry("id", idsOfA.get(0)).containsEntry("tenant", tenantA);
    }

    @Test
    void deleteWhenOtherTenantsIdThen404AndTheOrderSurvives() {
        long target = idsOfA.get(idsOfA.size() - 1);

        assertThat(Http.delete(orders("api/orders/" + target), bob).statusCode()).isEqualTo(404);
        assertThat(Http.get(orders("api/orders/" + target), alice).statusCode()).isEqualTo(200);

        // positive control: the owner can delete it, and then it is gone for the owner too
        String carol = userToken("carol", "iso-a", "orders:read", "orders:write", "orders:delete");
        HttpResponse<String> created = Http.post(orders("api/orders"), carol, "{\"item\":\"sku-2\",\"quantity\":1}");
        assertThat(created.statusCode()).isEqualTo(201);
        Object ownId = Http.object(created.body()).get("id");
        assertThat(Http.delete(orders("api/orders/" + ownId), carol).statusCode()).isEqualTo(204);
        assertThat(Http.get(orders("api/orders/" + ownId), carol).statusCode()).isEqualTo(404);
    }
}
