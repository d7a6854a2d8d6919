package dev.zt.example.orders.service;

import dev.zt.cdi.PermitWithoutScope;
import dev.zt.client.ServiceTokenException;
import dev.zt.client.TokenClient;
import dev.zt.client.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Asks the inventory service for stock, on behalf of the calling user: zt-client exchanges the
 * user's token (RFC 8693) for one addressed to {@code inventory-service} with scope
 * {@code inventory:read}, living at most 5 minutes, cached per user until shortly before it expires.
 *
 * <p>Settings: {@code inventory.url} / {@code INVENTORY_URL} (default
 * {@code http://127.0.0.1:8080/inventory}); the token endpoint and this service's client
 * credentials as zt-client reads them ({@code ZT_TOKEN_ENDPOINT}, {@code ZT_CLIENT_ID},
 * {@code ZT_CLIENT_SECRET_FILE}, or the same as {@code zt.token-endpoint}... system properties).
 */
@ApplicationScoped
@PermitWithoutScope(reason = "reached only from OrderService.place, which requires orders:write")
public class InventoryClient {

    static final TokenRequest STOCK_READ =
            TokenRequest.of("inventory-service", "inventory:read").withLifetime(Duration.ofMinutes(5));
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(InventoryClient.class.getName());

    private TokenClient tokens;
    private HttpClient http;
    private URI inventory;

    /** Reads the settings at deployment: a missing one stops the start, naming it (ZT-7101). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        configured();
    }

    private synchronized void configured() {
        if (tokens == null) {
            tokens = TokenClient.fromEnvironment(Settings::tokenClientSetting);
            String base = Settings.get("inventory.url", "http://127.0.0.1:8080/inventory");
            inventory = URI.create(base.endsWith("/") ? base : base + "/");
            http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
    }

    /**
     * The stock of {@code sku}, asked as the service acting for the user who sent {@code userToken}.
     *
     * @throws StockCheckException {@code UNKNOWN_ITEM} or {@code INVENTORY_UNAVAILABLE}
     */
    int available(String sku, String userToken) {
        configured();
        URI item = inventory.resolve("api/items/" + URLEncoder.encode(sku, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            HttpRequest request = tokens.authorize(HttpRequest.newBuilder(item), STOCK_READ.onBehalfOf(userToken))
                    .timeout(CALL_TIMEOUT).header("Accept", "application/json").GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ServiceTokenException e) {
            // the exception names the reason (ZT-70nn), never the token
            throw unavailable("no token for the inventory service: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unavailable("inventory service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking the inventory service", e);
        }
        if (response.statusCode() == 404) {
            throw new StockCheckException(StockCheckException.Outcome.UNKNOWN_ITEM, "unknown item " + sku, null);
        }
        if (response.statusCode() != 200) {
            throw unavailable("inventory service answered " + response.statusCode(), null);
        }
        try {
            Map<String, Object> body = JsonUtil.parseJson(response.body());
            if (body.get("available") instanceof Long available) {
                return (int) Math.min(available, Integer.MAX_VALUE);
            }
        } catch (JoseException e) {
            throw unavailable("inventory service sent malformed JSON", e);
        }
        throw unavailable("inventory service sent no 'available' number", null);
    }

    private static StockCheckException unavailable(String message, Throwable cause) {
        LOG.log(Level.WARNING, "ZT-EX-1001 stock check failed: {0}", message);
        return new StockCheckException(StockCheckException.Outcome.INVENTORY_UNAVAILABLE, message, cause);
    }
}
