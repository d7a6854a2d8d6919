package dev.zt.leakscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: across the whole test run, no log line contains any token the tests minted. Runs last in
 * the reactor (see the pom), reads every module's token registry and scans every captured output
 * file and server log of the run. The other tests here are the positive controls that make a
 * passing scan mean something: tokens were registered, by the modules that mint them, and the
 * output that was scanned is the real output of that run.
 */
class CapturedOutputLeakScanTest {

    /** Modules whose tests mint or obtain tokens, and the reports directory of those tests. */
    private static final Map<String, String> MINTING_MODULES = Map.of(
            "zt-core", "surefire-reports",
            "zt-filter", "surefire-reports",
            "zt-dev-issuer", "failsafe-reports",
            "zt-keycloak-it", "failsafe-reports",
            "example-app/e2e", "failsafe-reports");
    /** A line every zt-filter test run writes (an audit event on the zt.audit logger). */
    private static final String FILTER_AUDIT_LINE = "\"layer\":\"FILTER\"";

    private static BuildOutputs outputs;
    private static MintedTokenIndex index;
    private static final List<FileScan> SCANS = new ArrayList<>();

    @BeforeAll
    static void scanTheBuild() throws IOException {
        Path root = RepositoryRoot.locate(System.getProperty("zt.leakscan.root"), Path.of(""));
        outputs = BuildOutputs.discover(root, List.of("zt-leak-scan"));
        outputs.requireSomethingToScan();
        index = MintedTokenIndex.of(outputs.registeredTokens());
        LeakScanner scanner = new LeakScanner(index);
        for (Path file : outputs.allOutputs()) {
            SCANS.add(scanner.scan(file, outputs.name(file)));
        }
        System.out.printf("zt-leak-scan: %d tokens (%d secrets) from %s; %d files, %d lines scanned%n",
                index.tokenCount(), index.secretCount(), outputs.registeredPerModule(), SCANS.size(),
                SCANS.stream().mapToLong(FileScan::lines).sum());
    }

    @Test
    void capturedOutputWhenWholeRunScannedThenNoMintedTokenAppears() {
        List<Leak> leaks = SCANS.stream().flatMap(s -> s.leaks().stream()).toList();

        assertThat(leaks).as("minted tokens in captured output (fingerprints only; find the token with"
                + " sha256sum over the registry lines):%n%s", leaks.stream().limit(100).map(Leak::toString)
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void registryWhenModulesRanTheirTestsThenHoldsTokensOfEveryMintingModule() {
        Map<String, Long> registered = outputs.registeredPerModule();
        int checked = 0;
        for (Map.Entry<String, String> module : MINTING_MODULES.entrySet()) {
            if (outputs.testsRun(module.getKey(), module.getValue()) > 0) {
                checked++;
                assertThat(registered.getOrDefault(module.getKey(), 0L))
                        .as("tokens registered by %s, whose %s show tests that ran", module.getKey(), module.getValue())
                        .isPositive();
            }
        }
        assertThat(checked).as("minting modules whose tests ran").isPositive();
        assertThat(index.secretCount()).as("signatures indexed").isGreaterThanOrEqualTo(checked);
    }

    @Test
    void capturedOutputWhenScannedThenRealOutputOfThisRunWithTheAuditLines() throws IOException {
        assertThat(SCANS).as("captured output files").hasSizeGreaterThanOrEqualTo(3);
        assertThat(SCANS.stream().mapToLong(FileScan::lines).sum()).as("lines scanned").isGreaterThan(100);
        if (outputs.testsRun("zt-filter", "failsafe-reports") > 0) {
            assertThat(anyOutputOf("zt-filter").stream().anyMatch(f -> contains(f, FILTER_AUDIT_LINE)))
                    .as("a zt-filter output file holds an audit line %s", FILTER_AUDIT_LINE).isTrue();
        }
        // the scan reads the lines about the registered tokens: their jti (logged on purpose as tokenId) is seen
        assertThat(SCANS.stream().mapToLong(FileScan::tokenIdSightings).sum())
                .as("jti of registered tokens seen in the scanned output").isPositive();
    }

    private static List<Path> anyOutputOf(String module) {
        return outputs.outputs().getOrDefault(module, List.of());
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
