package dev.zt.example.e2e;

import static dev.zt.example.e2e.RunningExample.inventory;
import static dev.zt.example.e2e.RunningExample.issuer;
import static dev.zt.example.e2e.RunningExample.orders;
import static dev.zt.example.e2e.RunningExample.userToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.client.Secret;
import dev.zt.client.ServiceToken;
import dev.zt.client.TokenClient;
import dev.zt.client.TokenRequest;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.example.launcher.ZtExample;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The orders service's call to inventory: a token obtained at run time by RFC 8693 exchange on
 * behalf of the user (audience inventory-service, scope inventory:read, at most 5 minutes) is
 * accepted, and shows the user with the orders service acting for them; an expired one, or one
 * addressed to another audience, is refused.
 */
class ServiceCallIT {

    private static final String TENANT = "svc";
    private static final TokenRequest STOCK_READ =
            TokenRequest.of(ZtExample.INVENTORY_AUDIENCE, "inventory:read").withLifetime(Duration.ofMinutes(5));

    @AfterEach
    void realTime() {
        RunningExample.ISSUER_CLOCK.reset();
    }

    @Test
    void inventoryWhenExchangedTokenIsFreshThenSeesTheUserAndTheActingService() {
        String alice = userToken("alice", TENANT, "orders:write");
        TokenClient tokens = TokenClient.builder(issuer().tokenEndpoint()).clientId(ZtExample.ORDERS_CLIENT)
                .clientSecret(Secret.of(issuer().clientSecret(ZtExample.ORDERS_CLIENT).toCharArray())).build();

        // an exchange is made on behalf of the current actor (zt-client ZT-7013 without one)
        Actor user = Actor.builder("alice", ActorKind.USER).tenant(TENANT)
                .validFor(java.time.Clock.systemUTC(), Duration.ofMinutes(5)).build();
        ServiceToken token = ActorContext.getAs(user, () -> tokens.token(STOCK_READ.onBehalfOf(alice)));
        HttpResponse<String> response = Http.get(inventory("api/items/sku-1"), token.value());

        assertThat(token.expiresAt()).isBefore(Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(5));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = Http.object(response.body());
        assertThat(body).containsEntry("sku", "sku-1").containsEntry("available", 1_000_000L);
        @SuppressWarnings("unchecked")
        Map<String, Object> caller = (Map<String, Object>) body.get("caller");
        assertThat(caller).containsEntry("subject", "alice").containsEntry("tenant", TENANT)
                .containsEntry("actingParties", List.of(ZtExample.ORDERS_CLIENT));
    }

    @Test
    void inventoryWhenExchangedTokenHasExpiredThen401InvalidToken() {
        // positive control: the same raw exchange, now, is accepted
        assertThat(Http.get(inventory("api/items/sku-1"), exchange(userToken("alice", TENANT, "orders:write")))
                .statusCode()).isEqualTo(200);

        RunningExample.ISSUER_CLOCK.shift(Duration.ofHours(-1));
        String expired = exchange(userToken("alice", TENANT, "orders:write"));
        RunningExample.ISSUER_CLOCK.reset();

        HttpResponse<String> response = Http.get(inventory("api/items/sku-1"), expired);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
    }

    @Test
    void inventoryWhenTokenIsAddressedToOrdersThen401EvenWithTheScope() {
        String forOrders = userToken("alice", TENANT, "inventory:read", "orders:write");

        HttpResponse<String> response = Http.get(inventory("api/items/sku-1"), forOrders);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
        // positive control: exchanged for the inventory audience, the same user's token is accepted
        assertThat(Http.get(inventory("api/items/sku-1"), exchange(forOrders)).statusCode()).isEqualTo(200);
    }

    @Test
    void placeWhenStockIsCheckedOnBehalfOfTheUserThenTheInventoryAnswerDecides() {
        String alice = userToken("alice", TENANT + "-place", "orders:read", "orders:write");

        assertThat(Http.post(orders("api/orders"), alice, "{\"item\":\"sku-3\",\"quantity\":10}").statusCode())
                .isEqualTo(201);
        // sku-3 has 10 in stock: the inventory was really asked
        assertThat(Http.post(orders("api/orders"), alice, "{\"item\":\"sku-3\",\"quantity\":11}").statusCode())
                .isEqualTo(409);
        assertThat(Http.post(orders("api/orders"), alice, "{\"item\":\"sku-404\",\"quantity\":1}").statusCode())
                .isEqualTo(422);
        assertThat(Http.array(Http.get(orders("api/orders"), alice).body()))
                .extracting(o -> o.get("item"), o -> o.get("quantity")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sku-3", 10L));
    }

    @Test
    void placeWhenUserTokenIsAboutToExpireThenNoServiceTokenAnd502AndNothingStored() {
        // 20 s left: an exchanged token could not outlive it, and zt-client refuses one inside its 30 s margin
        String shortLived = issuer().mintUserToken("alice", TENANT + "-short", List.of("orders:read", "orders:write"),
                ZtExample.ORDERS_AUDIENCE, Duration.ofSeconds(20));

        HttpResponse<String> response = Http.post(orders("api/orders"), shortLived, "{\"item\":\"sku-1\",\"quantity\":1}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.body()).doesNotContain(shortLived);
        assertThat(Http.array(Http.get(orders("api/orders"), shortLived).body())).isEmpty();
    }

    /** A raw RFC 8693 exchange as the orders service (no client-side checks, so it can yield an expired token). */
    private static String exchange(String subjectToken) {
        String basic = Base64.getEncoder().encodeToString((ZtExample.ORDERS_CLIENT + ":"
                + URLEncoder.encode(issuer().clientSecret(ZtExample.ORDERS_CLIENT), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        String form = Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "audience", ZtExample.INVENTORY_AUDIENCE,
                "scope", "inventory:read").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(issuer().tokenEndpoint()).timeout(Http.TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) Http.object(response.body()).get("access_token");
    }
}
