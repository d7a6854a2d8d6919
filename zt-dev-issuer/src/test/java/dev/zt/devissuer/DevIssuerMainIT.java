package dev.zt.devissuer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.zt.devissuer.Fixtures.INVENTORY;
import static dev.zt.devissuer.Fixtures.ORDERS;
import static dev.zt.devissuer.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line a test set-up (e.g. a WildFly run) uses to start the issuer as its own process. */
class DevIssuerMainIT {

    private static List<String> args(Path dir) {
        return List.of("--port", "0", "--url-file", dir.resolve("issuer.url").toString(),
                "--secrets-dir", dir.resolve("secrets").toString(),
                "--client", ORDERS, "--audience", INVENTORY, "--scope", "inventory:read,inventory:reserve",
                "--client", "reporting-job", "--audience", ORDERS, "--scope", "orders:read", "--tenant", "acme",
                "--secret-file", dir.resolve("reporting.secret").toString());
    }

    @Test
    void startWhenArgumentsGivenThenUrlAndOwnerOnlySecretFilesWrittenAndSecretsWork(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (DevIssuer issuer = DevIssuerMain.start(args(dir), new PrintStream(console, true, StandardCharsets.UTF_8))) {
            assertThat(Files.readString(dir.resolve("issuer.url")).strip()).isEqualTo(issuer.issuerUri().toString());
            Path ordersSecret = dir.resolve("secrets").resolve(ORDERS + ".secret");
            assertThat(Files.readString(ordersSecret)).isEqualTo(issuer.clientSecret(ORDERS));
            assertThat(Files.readString(dir.resolve("reporting.secret"))).isEqualTo(issuer.clientSecret("reporting-job"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordersSecret))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("reporting.secret"))))
                    .isEqualTo("rw-------");

            TestHttp.Response response = TestHttp.token(issuer, ORDERS, Files.readString(ordersSecret),
                    form("grant_type", "client_credentials", "scope", "inventory:read"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(issuer.issuerUri().toString())
                    .doesNotContain(issuer.clientSecret(ORDERS)).doesNotContain(issuer.clientSecret("reporting-job"));
        }
    }

    @Test
    void startWhenHostNotLoopbackOrOptionUnknownThenRefused(@TempDir Path dir) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DevIssuerMain.start(List.of("--host", "0.0.0.0"), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZT-8001");
        assertThatThrownBy(() -> DevIssuerMain.start(List.of("--scope", "a"), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZT-8050");
        assertThatThrownBy(() -> DevIssuerMain.start(List.of("--colour", "red"), out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZT-8050");
        assertThat(dir.resolve("issuer.url")).doesNotExist();
    }

    @Test
    void mainWhenRunAsSeparateProcessThenServesTokensUntilDestroyed(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, DevIssuerMain.class.getName()));
        command.addAll(args(dir));
        // the process's log stays under target/, where zt-leak-scan scans it for the tokens it issued
        Path stderr = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "dev-issuer-main"))
                .resolve("main-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = stdout.readLine(); // printed once the URL and secret files are in place
            assertThat(ready).as("stderr: %s", readQuietly(stderr)).contains("DEVELOPMENT ONLY");
            URI issuerUri = URI.create(Files.readString(dir.resolve("issuer.url")).strip());
            String secret = Files.readString(dir.resolve("secrets").resolve(ORDERS + ".secret"));
            assertThat(ready).doesNotContain(secret);

            TestHttp.Response response = TestHttp.postForm(issuerUri.resolve("/oauth2/token"), TestHttp.basic(ORDERS, secret),
                    form("grant_type", "client_credentials"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(Fixtures.claims(response.accessToken())).containsEntry("iss", issuerUri.toString());
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(none)";
        }
    }

}
