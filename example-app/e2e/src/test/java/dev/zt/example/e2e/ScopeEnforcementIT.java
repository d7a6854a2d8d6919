package dev.zt.example.e2e;

import static dev.zt.example.e2e.RunningExample.inventory;
import static dev.zt.example.e2e.RunningExample.orders;
import static dev.zt.example.e2e.RunningExample.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.example.launcher.ZtExample;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each operation needs its scope: 403 {@code insufficient_scope} naming it, 401 without a valid token. */
class ScopeEnforcementIT {

    private static final String TENANT = "scopes";

    @Test
    void listWhenTokenLacksOrdersReadThen403InsufficientScope() {
        HttpResponse<String> denied = Http.get(orders("api/orders"), userToken("alice", TENANT, "orders:write"));

        assertInsufficientScope(denied, "orders:read");
        assertThat(Http.get(orders("api/orders"), userToken("alice", TENANT, "orders:read")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void placeWhenTokenLacksOrdersWriteThen403AndNothingIsStored() {
        String reader = userToken("alice", TENANT + "-w", "orders:read", "orders:writer", "Orders:Write");

        assertInsufficientScope(Http.post(orders("api/orders"), reader, "{\"item\":\"sku-1\",\"quantity\":1}"),
                "orders:write");
        assertThat(Http.array(Http.get(orders("api/orders"), reader).body())).isEmpty();

        String writer = userToken("alice", TENANT + "-w", "orders:read", "orders:write");
        assertThat(Http.post(orders("api/orders"), writer, "{\"item\":\"sku-1\",\"quantity\":1}").statusCode())
                .isEqualTo(201);
        assertThat(Http.array(Http.get(orders("api/orders"), reader).body())).hasSize(1);
    }

    @Test
    void deleteWhenTokenLacksOrdersDeleteThen403AndTheOrderSurvives() {
        String writer = userToken("alice", TENANT + "-d", "orders:read", "orders:write");
        HttpResponse<String> created = Http.post(orders("api/orders"), writer, "{\"item\":\"sku-1\",\"quantity\":1}");
        assertThat(created.statusCode()).isEqualTo(201);
        Object id = Http.object(created.body()).get("id");

        assertInsufficientScope(Http.delete(orders("api/orders/" + id), writer), "orders:delete");
        assertThat(Http.get(orders("api/orders/" + id), writer).statusCode()).isEqualTo(200);

        String deleter = userToken("alice", TENANT + "-d", "orders:delete");
        assertThat(Http.delete(orders("api/orders/" + id), deleter).statusCode()).isEqualTo(204);
    }

    @Test
    void anyPathWhenNoTokenThen401WithBearerChallenge() {
        for (var uri : List.of(orders("api/orders"), orders("api/orders/1"), inventory("api/items/sku-1"))) {
            HttpResponse<String> response = Http.get(uri, null);
            assertThat(response.statusCode()).as(uri.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Bearer realm="));
        }
    }

    @Test
    void ordersWhenTokenIsForTheInventoryAudienceThen401InvalidToken() {
        String forInventory = RunningExample.issuer().mintUserToken("alice", TENANT, List.of("orders:read"),
                ZtExample.INVENTORY_AUDIENCE);

        HttpResponse<String> response = Http.get(orders("api/orders"), forInventory);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
    }

    @Test
    void inventoryWhenTokenLacksInventoryReadThen403InsufficientScope() {
        String noScope = RunningExample.issuer().mintUserToken("alice", TENANT, List.of("inventory:write"),
                ZtExample.INVENTORY_AUDIENCE);
        assertInsufficientScope(Http.get(inventory("api/items/sku-1"), noScope), "inventory:read");

        String withScope = RunningExample.issuer().mintUserToken("alice", TENANT, List.of("inventory:read"),
                ZtExample.INVENTORY_AUDIENCE);
        assertThat(Http.get(inventory("api/items/sku-1"), withScope).statusCode()).isEqualTo(200);
    }

    private static void assertInsufficientScope(HttpResponse<String> response, String scope) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .contains("error=\"insufficient_scope\"").contains("scope=\"" + scope + "\""));
        assertThat(Http.object(response.body())).containsEntry("error", "insufficient_scope");
    }
}
