package dev.zt.example.launcher;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code java -jar zt-example.jar}: both services on {@code PORT} (default 8080), with the
 * development issuer unless {@code ZT_ISSUER}/{@code ZT_JWKS_URI} are set; prints ready-to-paste
 * {@code curl} lines for two tenants. Runs until interrupted.
 */
public final class ZtExampleMain {

    private ZtExampleMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String port = System.getenv().getOrDefault("PORT", "8080");
        ZtExample example;
        try {
            example = ZtExample.builder()
                    .host(System.getenv().getOrDefault("HOST", "127.0.0.1"))
                    .port(Integer.parseInt(port.strip()))
                    .start();
        } catch (NumberFormatException e) {
            System.err.println("PORT must be a number, was '" + port + "'");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                example.close();
            } catch (Exception e) {
                System.err.println("ZT-EX-9004 shutdown: " + e);
            }
        }, "zt-example-shutdown"));
        PrintStream out = System.out;
        out.println();
        out.println("zt example started in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        out.println("  orders    " + example.ordersUri() + "api/orders        (audience orders-service)");
        out.println("  inventory " + example.inventoryUri() + "api/items/sku-1  (audience inventory-service)");
        if (example.devIssuer().isPresent()) {
            out.println("  issuer    " + example.devIssuer().get().issuerUri() + "  (DEVELOPMENT ONLY: set ZT_ISSUER/ZT_JWKS_URI for a real one)");
            out.println();
            out.print(example.curlExamples());
        } else {
            out.println("  issuer    " + System.getenv("ZT_ISSUER") + " (from the environment)");
        }
        out.flush();
        Thread.currentThread().join();
    }
}
