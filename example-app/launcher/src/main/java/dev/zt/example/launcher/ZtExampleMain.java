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
        // BENCHMARK ONLY (example-app/load/run.sh): exactly "unverified" or "unverified-cached",
        // nothing else, never a default.
        String baseline = System.getenv("ZT_EXAMPLE_BASELINE");
        boolean unverified = baseline != null && !baseline.isEmpty();
        if (unverified && !"unverified".equals(baseline) && !"unverified-cached".equals(baseline)) {
            System.err.println("ZT_EXAMPLE_BASELINE must be unset (zt on) or 'unverified' / 'unverified-cached'"
                    + " (benchmark only), was '" + baseline + "'");
            System.exit(2);
            return;
        }
        if (unverified) {
            banner(System.err);
        }
        ZtExample example;
        try {
            ZtExample.Builder builder = ZtExample.builder()
                    .host(System.getenv().getOrDefault("HOST", "127.0.0.1"))
                    .port(Integer.parseInt(port.strip()));
            example = (unverified ? builder.unverifiedBaseline("unverified-cached".equals(baseline)) : builder).start();
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
        if (unverified) {
            banner(out);
        }
        out.println("zt example started in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        out.println("  orders    " + example.ordersUri() + "api/orders        (audience orders-service)");
        out.println("  inventory " + example.inventoryUri() + "api/items/sku-1  (audience inventory-service)");
        if (example.devIssuer().isPresent()) {
            out.println("  issuer    " + example.devIssuer().get().issuerUri() + "  (DEVELOPMENT ONLY: set ZT_ISSUER/ZT_JWKS_URI for a real one)");
            example.ciIssuer().ifPresent(ci -> out.println("  ci issuer " + ci.issuerUri()
                    + "  (DEVELOPMENT ONLY, plays a CI system: pipeline tokens, " + ZtExample.PIPELINE_RULES + ")"));
            out.println();
            out.print(example.curlExamples());
        } else {
            out.println("  issuer    " + System.getenv("ZT_ISSUER") + " (from the environment)");
        }
        if (unverified) {
            banner(out);
        }
        out.flush();
        Thread.currentThread().join();
    }

    private static void banner(PrintStream out) {
        String line = "!".repeat(78);
        out.println(line);
        out.println("!!! " + ZtExample.BASELINE_BANNER);
        out.println("!!! ZT_EXAMPLE_BASELINE=" + System.getenv("ZT_EXAMPLE_BASELINE") + ": zt-filter is NOT active; any well-formed token is accepted");
        out.println("!!! unverified. Loopback only. For example-app/load/run.sh; never run it for anything else.");
        out.println(line);
    }
}
