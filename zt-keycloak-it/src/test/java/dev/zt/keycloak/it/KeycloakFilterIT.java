package dev.zt.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** orders-service as a servlet application behind zt-filter, configured only through the {@code zt.issuers.keycloak.*} keys, over real HTTP. */
@ExtendWith(RealKeycloak.class)
class KeycloakFilterIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Keycloak keycloak;
    private static FilteredService orders;

    @BeforeAll
    static void start(Keycloak running) throws Exception {
        keycloak = running;
        Map<String, String> config = new LinkedHashMap<>(ZtConfiguration.acme(keycloak, Acme.ORDERS_SERVICE));
        config.put("zt.path-scopes", "/admin/*=admin:write, /orders/*=orders:read");
        orders = FilteredService.start(config);
    }

    @AfterAll
    static void stop() {
        if (orders != null) {
            orders.close();
        }
    }

    private record Answer(int status, String challenge, String body) {
        Map<String, Object> json() {
            return Keycloak.json(body);
        }
    }

    private static Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(orders.uri(path)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer = new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
            if (token != null) {
                assertThat(answer.body() + answer.challenge()).as("never the token in a response").doesNotContain(token.substring(token.lastIndexOf('.') + 1));
            }
            return answer;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String alice() {
        return keycloak.passwordToken(Acme.REALM, Acme.WEB_APP, Acme.ALICE, Acme.ALICE_PASSWORD);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aliceTokenWhenCallingOrdersThenTheApplicationSeesAliceOfTenantA() {
        Answer answer = get("/orders/42", alice());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json())
                .containsEntry("principal", Acme.ALICE_ID)
                .containsEntry("subject", Acme.ALICE_ID)
                .containsEntry("kind", "USER")
                .containsEntry("tenant", "tenant-a")
                .containsEntry("actedBy", List.of());
        assertThat((List<Object>) answer.json().get("scopes")).contains("orders:read", "orders:write");
    }

    @Test
    void aliceTokenWhenPathNeedsAScopeKeycloakNeverGaveHerThen403() {
        Answer answer = get("/admin/users", alice());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.challenge()).contains("error=\"insufficient_scope\"");
    }

    @Test
    void otherRealmTokenWhenCallingOrdersThen401InvalidToken() {
        Answer answer = get("/orders/42", keycloak.passwordToken(Acme.OTHER_REALM, Acme.WEB_APP, Acme.MALLORY, Acme.MALLORY_PASSWORD));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).contains("error=\"invalid_token\"");
    }

    @Test
    void tamperedTokenWhenCallingOrdersThen401InvalidToken() {
        Answer answer = get("/orders/42", Jwt.withPayloadEdited(alice(), "\"tenant-a\"", "\"tenant-b\""));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).contains("error=\"invalid_token\"");
    }

    @Test
    void exchangedTokenForInventoryWhenReplayedAtOrdersThen401InvalidToken() {
        String exchanged = keycloak.exchange(Acme.REALM, Acme.ORDERS_SERVICE, Acme.ORDERS_SERVICE_SECRET, alice(), Acme.INVENTORY_SERVICE,
                "inventory:read").accessToken();

        Answer answer = get("/orders/42", exchanged);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).contains("error=\"invalid_token\"");
    }

    @Test
    void noTokenWhenCallingOrdersThen401WithoutError() {
        Answer answer = get("/orders/42", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).startsWith("Bearer").doesNotContain("error=");
    }
}
