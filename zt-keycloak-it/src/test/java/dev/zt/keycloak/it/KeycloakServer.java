package dev.zt.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Keycloak process: the unpacked distribution run with {@code kc.sh start-dev} on 127.0.0.1 and
 * ephemeral ports, a fresh database on every start, the realm files imported at start. Its output
 * goes to a log file; {@link #close()} stops the whole process tree.
 */
final class KeycloakServer implements AutoCloseable {

    static final List<String> REALMS = List.of("acme", "other");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private KeycloakServer(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /**
     * @param home      the unpacked distribution ({@code bin/kc.sh} inside)
     * @param realms    a directory of {@code realm-*.json} files to import
     * @param log       where Keycloak's console output goes
     * @param javaHome  a JDK 21+
     * @param deadline  how long to wait for both realms to answer
     */
    static KeycloakServer start(Path home, Path realms, Path log, Path javaHome, Duration deadline) throws IOException {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("no Keycloak distribution at " + home + " (expected bin/kc.sh): run the build through"
                    + " 'mvn verify', whose pre-integration-test phase unpacks org.keycloak:keycloak-quarkus-dist");
        }
        freshData(home, realms);
        int httpPort = freePort();
        int managementPort = freePort();
        List<String> command = List.of("bash", kcSh.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", javaHome.toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // jboss-threads resets thread locals reflectively; without this, Java 24+ logs an IllegalAccessError at shutdown.
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        Files.createDirectories(log.getParent());
        Instant started = Instant.now();
        KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + httpPort), log);
        // Should the test JVM end without the extension closing it (a crash, a kill), Keycloak still goes.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "keycloak-reaper"));
        try {
            server.awaitRealms(started.plus(deadline));
        } catch (RuntimeException | Error e) {
            server.stopQuietly();
            throw e;
        }
        return server;
    }

    URI baseUri() {
        return baseUri;
    }

    Path log() {
        return log;
    }

    /** Polls each realm's discovery document until it answers 200, the process dies, or the deadline passes. */
    private void awaitRealms(Instant deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> pending = new ArrayList<>(REALMS);
        while (!pending.isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready; its log: " + log
                        + "\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not serve realms " + pending + " at " + baseUri + " before the deadline;"
                        + " its log: " + log + "\n" + tail());
            }
            pending.removeIf(realm -> answers(http, baseUri.resolve("/realms/" + realm + "/.well-known/openid-configuration")));
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Keycloak", e);
                }
            }
        }
    }

    private static boolean answers(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops Keycloak and every process it started: SIGTERM first, then SIGKILL after a bounded wait. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle handle : tree) {
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        if (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            throw new IllegalStateException("Keycloak processes still alive after stop: " + tree.stream().filter(ProcessHandle::isAlive).toList());
        }
    }

    boolean isRunning() {
        return process.isAlive();
    }

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // shutdown path: nothing more to do
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** A fresh database on every start (the distribution lives in target/), and the realm files in data/import. */
    private static void freshData(Path home, Path realms) throws IOException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        try (Stream<Path> files = Files.list(realms)) {
            List<Path> realmFiles = files.filter(p -> p.getFileName().toString().matches("realm-.*\\.json")).toList();
            if (realmFiles.isEmpty()) {
                throw new IllegalStateException("no realm-*.json files in " + realms);
            }
            for (Path file : realmFiles) {
                Files.copy(file, imports.resolve(file.getFileName()));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
