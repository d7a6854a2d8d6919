package dev.zt.example.orders.service;

import java.util.Locale;

/**
 * Reads a setting the way zt-filter does: Java system property ({@code inventory.url}), else the
 * environment variable ({@code INVENTORY_URL}). Also maps zt-client's environment names to system
 * properties ({@code ZT_TOKEN_ENDPOINT} is also read as {@code zt.token-endpoint}), so one JVM can
 * host several services and a WAR can be configured without touching its environment.
 */
final class Settings {

    private Settings() {
    }

    static String get(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** For {@code TokenClient.fromEnvironment(Function)}: {@code ZT_CLIENT_ID} from {@code zt.client-id} or the environment. */
    static String tokenClientSetting(String environmentName) {
        String property = "zt." + environmentName.substring("ZT_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environmentName);
    }
}
