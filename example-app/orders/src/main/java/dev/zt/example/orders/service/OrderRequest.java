package dev.zt.example.orders.service;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /api/orders} body: {@code {"item":"sku-1","quantity":2}}.
 *
 * @param item     a SKU: letters, digits, {@code . _ -}, 1 to 64 characters
 * @param quantity 1 to {@value #MAX_QUANTITY}
 */
public record OrderRequest(String item, int quantity) {

    public static final int MAX_QUANTITY = 1000;
    private static final Pattern SKU = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    public OrderRequest {
        if (item == null || !SKU.matcher(item).matches()) {
            throw new IllegalArgumentException("item must be a SKU of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be an integer from 1 to " + MAX_QUANTITY);
        }
    }

    /** From a parsed JSON object; refuses missing, extra or mistyped members. */
    public static OrderRequest fromJson(Map<String, Object> json) {
        if (!json.keySet().equals(java.util.Set.of("item", "quantity"))) {
            throw new IllegalArgumentException("the body must have exactly the members item and quantity");
        }
        if (!(json.get("item") instanceof String item)) {
            throw new IllegalArgumentException("item must be a string");
        }
        if (!(json.get("quantity") instanceof Long quantity) || quantity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("quantity must be an integer from 1 to " + MAX_QUANTITY);
        }
        return new OrderRequest(item, quantity.intValue());
    }
}
