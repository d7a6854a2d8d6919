package dev.zt.example.e2e;

import dev.zt.core.testing.MintedTokens;
import dev.zt.devissuer.DevClient;
import dev.zt.devissuer.DevIssuer;
import dev.zt.example.launcher.ZtExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The two WARs, unchanged, on WildFly (unpacked by the build from {@code org.wildfly:wildfly-dist}),
 * started on loopback with free ports and a fresh copy of its {@code standalone} directory. The zt
 * keys are passed as system properties pointing at the development issuer of this JVM; the orders
 * client's secret goes to an owner-only file. Ready when both deployment markers appear
 * ({@code .deployed}; {@code .failed} fails at once), watched with a bounded deadline.
 */
final class WildFlyServer implements AutoCloseable {

    static final Duration START_DEADLINE = Duration.ofMinutes(4);

    private final Process process;
    private final DevIssuer issuer;
    private final DevIssuer ciIssuer;
    private final Path base;

    private WildFlyServer(Process process, DevIssuer issuer, DevIssuer ciIssuer, Path base) {
        this.process = process;
        this.issuer = issuer;
        this.ciIssuer = ciIssuer;
        this.base = base;
    }

    static RunningExample.Target start(Clock issuerClock) throws Exception {
        Path home = Path.of(required("zt.example.wildfly.home"));
        Path wars = Path.of(required("zt.example.wildfly.wars"));
        Path base = Path.of(required("zt.example.wildfly.base"));
        deleteTree(base);
        copyTree(home.resolve("standalone"), base);
        Path deployments = base.resolve("deployments");
        Files.copy(wars.resolve("orders.war"), deployments.resolve("orders.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(wars.resolve("inventory.war"), deployments.resolve("inventory.war"), StandardCopyOption.REPLACE_EXISTING);

        DevIssuer issuer = DevIssuer.builder().clock(issuerClock).onIssued(MintedTokens::register)
                .client(DevClient.withId(ZtExample.ORDERS_CLIENT).audiences(ZtExample.INVENTORY_AUDIENCE)
                        .scopes("inventory:read").build())
                .build().start();
        // the CI system, as in the launcher: zt.issuers=ci; each WAR's web.xml holds its zt.issuers.ci.audience
        DevIssuer ciIssuer = DevIssuer.builder().clock(issuerClock).onIssued(MintedTokens::register).build().start();
        Path secret = issuer.writeClientSecret(ZtExample.ORDERS_CLIENT, base.resolve("orders-service.secret"));
        int[] ports = freePorts(5);
        URI http = URI.create("http://127.0.0.1:" + ports[0] + "/");
        String script = home.resolve("bin").resolve("standalone.sh").toString();
        List<String> command = new ArrayList<>(List.of("/bin/sh", script,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.http.port=" + ports[0], "-Djboss.https.port=" + ports[1],
                "-Djboss.management.http.port=" + ports[2], "-Djboss.management.https.port=" + ports[3],
                "-Djboss.ajp.port=" + ports[4],
                "-Dzt.issuer=" + issuer.issuerUri(), "-Dzt.jwks-uri=" + issuer.jwksUri(),
                "-Dzt.token-endpoint=" + issuer.tokenEndpoint(), "-Dzt.client-id=" + ZtExample.ORDERS_CLIENT,
                "-Dzt.client-secret-file=" + secret, "-Dinventory.url=" + http.resolve("inventory/"),
                "-Dzt.issuers=" + ZtExample.CI_ISSUER_NAME,
                "-Dzt.issuers." + ZtExample.CI_ISSUER_NAME + ".issuer=" + ciIssuer.issuerUri(),
                "-Dzt.issuers." + ZtExample.CI_ISSUER_NAME + ".jwks-uri=" + ciIssuer.jwksUri(),
                "-Dzt.issuers." + ZtExample.CI_ISSUER_NAME + ".profile=ci-pipeline"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ZT_") || k.equals("INVENTORY_URL"));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1"); // the script forwards SIGTERM to the server
        builder.environment().put("JBOSS_HOME", home.toString());
        // the rule holds spaces, ';' and '>': standalone.sh re-splits -D arguments, the environment does not
        builder.environment().put("ZT_ISSUERS_" + ZtExample.CI_ISSUER_NAME.toUpperCase(java.util.Locale.ROOT)
                + "_PIPELINE_RULES", ZtExample.PIPELINE_RULES);
        Process process;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            deployments.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            process = builder.start();
            WildFlyServer server = new WildFlyServer(process, issuer, ciIssuer, base);
            try {
                awaitDeployed(watch, deployments, process, base);
            } catch (Exception | Error e) {
                server.close();
                throw e;
            }
            return new RunningExample.Target(http.resolve("orders/"), http.resolve("inventory/"), issuer, ciIssuer,
                    server);
        }
    }

    private static void awaitDeployed(WatchService watch, Path deployments, Process process, Path base)
            throws InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (!(Files.exists(deployments.resolve("orders.war.deployed"))
                && Files.exists(deployments.resolve("inventory.war.deployed")))) {
            for (String war : List.of("orders.war", "inventory.war")) {
                if (Files.exists(deployments.resolve(war + ".failed"))) {
                    throw new IllegalStateException(war + " failed to deploy on WildFly; see " + base.resolve("console.log"));
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + "; see "
                        + base.resolve("console.log"));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("WildFly did not deploy both WARs within " + START_DEADLINE
                        + "; see " + base.resolve("console.log"));
            }
            // woken by the next marker file, or after a second at most to look at the process
            WatchKey key = watch.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        try {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroy();
                    child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
                        child.destroyForcibly();
                        return child;
                    }).join();
                }
            }
        } finally {
            issuer.close();
            ciIssuer.close();
            Files.deleteIfExists(base.resolve("orders-service.secret")); // the rest stays for post-mortems
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("-D" + property + " is not set: run with the Maven profile 'wildfly'");
        }
        return value;
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
