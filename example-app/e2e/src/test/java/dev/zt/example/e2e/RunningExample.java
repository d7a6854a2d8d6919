package dev.zt.example.e2e;

import dev.zt.core.testing.MintedTokens;
import dev.zt.devissuer.DevIssuer;
import dev.zt.example.launcher.ZtExample;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The system under test, started once per test JVM and closed when it exits: by default the
 * embedded run (the launcher in process, on an ephemeral loopback port); with
 * {@code -Dzt.example.target=wildfly} the same WARs on a WildFly started by {@link WildFlyServer}.
 * Either way the development issuer runs in this JVM on a clock the tests can shift.
 */
final class RunningExample {

    static final ShiftableClock ISSUER_CLOCK = new ShiftableClock();
    private static Target target;

    /** Where the two services and their issuer are. */
    record Target(URI orders, URI inventory, DevIssuer issuer, DevIssuer ciIssuer, AutoCloseable resources) {
    }

    private RunningExample() {
    }

    static synchronized Target get() {
        if (target == null) {
            long start = System.nanoTime();
            try {
                target = "wildfly".equals(System.getProperty("zt.example.target")) ? WildFlyServer.start(ISSUER_CLOCK)
                        : embedded();
            } catch (Exception e) {
                throw new IllegalStateException("the example did not start", e);
            }
            System.out.println("zt example (" + System.getProperty("zt.example.target", "embedded") + ") started in "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms at " + target.orders());
            Target started = target;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.resources().close();
                } catch (Exception e) {
                    System.err.println("closing the example: " + e);
                }
            }));
        }
        return target;
    }

    private static Target embedded() throws Exception {
        // the tests' environment must not switch the embedded issuer off
        ZtExample example = ZtExample.builder().port(0).issuerClock(ISSUER_CLOCK).onTokenIssued(MintedTokens::register)
                .environment(name -> Map.<String, String>of().get(name)).start();
        return new Target(example.ordersUri(), example.inventoryUri(), example.devIssuer().orElseThrow(),
                example.ciIssuer().orElseThrow(), example);
    }

    static DevIssuer issuer() {
        return get().issuer();
    }

    /** The development issuer playing the CI system (GitHub Actions-style pipeline tokens). */
    static DevIssuer ciIssuer() {
        return get().ciIssuer();
    }

    static URI orders(String path) {
        return get().orders().resolve(path);
    }

    static URI inventory(String path) {
        return get().inventory().resolve(path);
    }

    /** A user token for the orders service, as {@code /dev/tokens} would mint it. */
    static String userToken(String subject, String tenant, String... scopes) {
        return MintedTokens.register(issuer().mintUserToken(subject, tenant, List.of(scopes), ZtExample.ORDERS_AUDIENCE));
    }
}
