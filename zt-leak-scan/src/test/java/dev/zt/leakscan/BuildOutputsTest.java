package dev.zt.leakscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding what a build left: registries, reports and server logs of nested modules; and nothing means failure. */
class BuildOutputsTest {

    /** A token-shaped value, assembled at run time (no token is ever committed); nothing verifies it. */
    private static final String TOKEN = String.join(".", b64("{\"alg\":\"RS256\"}"), b64("{\"sub\":\"alice\"}"),
            b64("signature-of-a-test-token-0123456789"));

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @TempDir
    Path dir;

    @Test
    void discoverWhenNothingWasBuiltThenFailsSayingRunTheWholeBuild() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<modules><module>zt-leak-scan</module></modules>");
        Files.createDirectories(dir.resolve("zt-core/target/classes"));
        Files.writeString(dir.resolve("zt-core/pom.xml"), "<project/>");

        BuildOutputs outputs = BuildOutputs.discover(dir, List.of("zt-leak-scan"));

        assertThatThrownBy(outputs::requireSomethingToScan).hasMessageContaining("nothing to scan: run the whole build");
    }

    @Test
    void discoverWhenModulesBuiltThenRegistriesReportsAndNestedServerLogsFound() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<modules><module>zt-leak-scan</module></modules>");
        for (String module : List.of("zt-core", "example-app/e2e", "zt-leak-scan")) {
            Files.createDirectories(dir.resolve(module + "/target/zt-minted-tokens"));
            Files.writeString(dir.resolve(module + "/pom.xml"), "<project/>");
            Files.writeString(dir.resolve(module + "/target/zt-minted-tokens/1-2.txt"), TOKEN + "\n");
        }
        Files.writeString(dir.resolve("example-app/pom.xml"), "<project/>");
        Files.createDirectories(dir.resolve("zt-core/target/surefire-reports"));
        Files.writeString(dir.resolve("zt-core/target/surefire-reports/dev.zt.core.ATest-output.txt"), "out");
        Files.writeString(dir.resolve("zt-core/target/surefire-reports/TEST-dev.zt.core.ATest.xml"),
                "<?xml version=\"1.0\"?>\n<testsuite name=\"a\" tests=\"5\" errors=\"0\" skipped=\"2\" failures=\"0\">");
        Files.createDirectories(dir.resolve("example-app/e2e/target/wildfly-base/log"));
        Files.writeString(dir.resolve("example-app/e2e/target/wildfly-base/log/server.log"), "log");
        Files.writeString(dir.resolve("example-app/e2e/target/wildfly-base/deployed.txt"), "not output");
        Files.createDirectories(dir.resolve("example-app/e2e/target/failsafe-reports-wildfly"));
        Files.writeString(dir.resolve("example-app/e2e/target/failsafe-reports-wildfly/dev.zt.example.e2e.AIT-output.txt"), "o");

        BuildOutputs outputs = BuildOutputs.discover(dir, List.of("zt-leak-scan"));

        outputs.requireSomethingToScan();
        assertThat(outputs.registeredPerModule()).containsExactly(Map.entry("example-app/e2e", 1L), Map.entry("zt-core", 1L));
        assertThat(outputs.allOutputs()).extracting(outputs::name).containsExactlyInAnyOrder(
                "zt-core/target/surefire-reports/dev.zt.core.ATest-output.txt",
                "zt-core/target/surefire-reports/TEST-dev.zt.core.ATest.xml",
                "example-app/e2e/target/wildfly-base/log/server.log",
                "example-app/e2e/target/failsafe-reports-wildfly/dev.zt.example.e2e.AIT-output.txt");
        assertThat(outputs.testsRun("zt-core", "surefire-reports")).isEqualTo(3);
        assertThat(outputs.testsRun("zt-core", "failsafe-reports")).isZero();
        assertThat(outputs.testsRun("example-app/e2e", "surefire-reports")).isZero();
        assertThat(outputs.registeredTokens()).containsOnlyKeys(TOKEN);
    }

    @Test
    void locateWhenHintIsNotTheRootThenWalksUpToThePomListingThisModule() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<modules><module>zt-leak-scan</module></modules>");
        Path module = Files.createDirectories(dir.resolve("zt-leak-scan/target"));

        assertThat(RepositoryRoot.locate(null, module)).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(RepositoryRoot.locate(dir.resolve("zt-leak-scan/..").toString(), Path.of("/")))
                .isEqualTo(dir.toAbsolutePath().normalize());
        assertThatThrownBy(() -> RepositoryRoot.locate(module.toString(), Path.of("/")))
                .hasMessageContaining("<module>zt-leak-scan</module>");
    }
}
