package dev.zt.example.inventory.stock;

import dev.zt.cdi.RequiresScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Stock per SKU. The catalogue is shared by all tenants (it is not tenant data), held in memory
 * for the example: {@code sku-1} .. {@code sku-4}; {@code sku-4} is out of stock.
 */
@ApplicationScoped
public class StockLevels {

    private static final Map<String, Long> STOCK = Map.of(
            "sku-1", 1_000_000L,
            "sku-2", 5_000L,
            "sku-3", 10L,
            "sku-4", 0L);

    @RequiresScope("inventory:read")
    public OptionalLong available(String sku) {
        Long available = STOCK.get(sku);
        return available == null ? OptionalLong.empty() : OptionalLong.of(available);
    }
}
