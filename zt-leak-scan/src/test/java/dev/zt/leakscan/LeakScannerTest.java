package dev.zt.leakscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner on planted files: every form that holds the signature is found, nothing else is, and fast. */
class LeakScannerTest {

    private static final Random RANDOM = new Random(42);
    private static final String HEADER = b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}");

    @TempDir
    Path dir;

    private final String jti = UUID.randomUUID().toString();
    private final String token = jws(jti);
    private final String payload = token.split("\\.")[1];
    private final String signature = token.split("\\.")[2];
    private final LeakScanner scanner = new LeakScanner(MintedTokenIndex.of(Map.of(token, "zt-filter")));

    @Test
    void scanWhenWholeTokenLoggedThenFoundWithFileLineAndFingerprintOnly() throws IOException {
        FileScan scan = scan("a.log", "start", "INFO zt.filter request Authorization: Bearer " + token + " from 127.0.0.1");

        assertThat(scan.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.file()).isEqualTo("a.log");
            assertThat(leak.line()).isEqualTo(2);
            assertThat(leak.part()).isEqualTo("whole token");
            assertThat(leak.fingerprint()).isEqualTo(Fingerprint.of(token)).hasSize(8);
            assertThat(leak.mintedBy()).isEqualTo("zt-filter");
            assertThat(leak.toString()).contains("a.log:2", Fingerprint.of(token))
                    .doesNotContain(signature.substring(0, 16)).doesNotContain(payload.substring(0, 16));
        });
    }

    @Test
    void scanWhenOnlySignatureOrTailLoggedThenFound() throws IOException {
        FileScan scan = scan("b-output.txt",
                "sig=" + signature,
                "{\"detail\":\"" + payload + "." + signature + "\"}",
                "glued" + signature + "Z");

        assertThat(scan.leaks()).extracting(Leak::line, Leak::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "signature"),
                org.assertj.core.groups.Tuple.tuple(2L, "payload.signature"),
                org.assertj.core.groups.Tuple.tuple(3L, "signature"));
    }

    @Test
    void scanWhenHeaderPayloadOrCutSignatureLoggedThenNotALeak() throws IOException {
        // positive control in the same file: the signature on the last line is found
        FileScan scan = scan("c.log",
                "header " + HEADER,
                "payload " + payload,
                "unsigned " + HEADER + "." + payload + ".",
                "cut " + HEADER + "." + payload + "." + signature.substring(0, 20) + "...",
                "jti " + jti,
                "finally " + signature);

        assertThat(scan.leaks()).extracting(Leak::line).containsExactly(6L);
        assertThat(scan.tokenIdSightings()).isEqualTo(1);
    }

    @Test
    void indexWhenTokenUnsignedThenNothingIndexedAndOpaqueTokenIndexedWhole() throws IOException {
        MintedTokenIndex index = MintedTokenIndex.of(Map.of(
                HEADER + "." + payload + ".", "zt-core",
                "opaque-refresh-0123456789abcdef", "zt-keycloak-it"));
        assertThat(index.tokenCount()).isEqualTo(2);
        assertThat(index.secretCount()).isEqualTo(1);

        FileScan scan = new LeakScanner(index).scan(write("d.log",
                HEADER + "." + payload + ".", "refresh opaque-refresh-0123456789abcdef done"), "d.log");
        assertThat(scan.leaks()).extracting(Leak::line, Leak::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "token"));
    }

    @Test
    void scanWhenTwentyMegabytesOfCleanLogThenNoLeakWithinSeconds() throws IOException {
        Path big = dir.resolve("big.log");
        long bytes = 0;
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            while (bytes < 20L * 1024 * 1024) {
                String line = switch ((int) (lines % 4)) {
                    case 0 -> "{\"time\":\"2026-12-03T16:00:00Z\",\"layer\":\"FILTER\",\"outcome\":\"DENIED\",\"tokenId\":\""
                            + UUID.randomUUID() + "\",\"requestId\":\"" + UUID.randomUUID() + "\"}";
                    case 1 -> "\tat dev.zt.filter.internal.BearerAuthentication.authenticate(BearerAuthentication.java:"
                            + lines + ")";
                    // a JWKS modulus and another token's header and signature: long base64url runs, not minted
                    case 2 -> "{\"kty\":\"RSA\",\"n\":\"" + randomB64(256) + "\",\"e\":\"AQAB\"}";
                    default -> "other " + jws(UUID.randomUUID().toString());
                };
                out.write(line);
                out.write('\n');
                bytes += line.length() + 1;
                lines++;
            }
        }
        MintedTokenIndex many = MintedTokenIndex.of(java.util.stream.IntStream.range(0, 5_000).boxed()
                .collect(java.util.stream.Collectors.toMap(i -> jws(UUID.randomUUID().toString()), i -> "zt-core")));

        long start = System.nanoTime();
        FileScan scan = new LeakScanner(many).scan(big, "big.log");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(scan.lines()).isEqualTo(lines);
        assertThat(scan.leaks()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void scanWhenTokenAmongManyThenEachLeakNamedOnceAndOnlyTheLeakedOne() throws IOException {
        String other = jws(UUID.randomUUID().toString());
        LeakScanner two = new LeakScanner(MintedTokenIndex.of(Map.of(token, "zt-filter", other, "example-app/e2e")));

        FileScan scan = two.scan(write("e.log", token + " " + token + " " + other.split("\\.")[2]), "e.log");

        assertThat(scan.leaks()).extracting(Leak::fingerprint, Leak::mintedBy).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Fingerprint.of(token), "zt-filter"),
                org.assertj.core.groups.Tuple.tuple(Fingerprint.of(other), "example-app/e2e"));
    }

    private FileScan scan(String name, String... lines) throws IOException {
        return scanner.scan(write(name, lines), name);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private static String jws(String jti) {
        String claims = "{\"iss\":\"https://issuer.test.zt\",\"sub\":\"alice\",\"tenant\":\"acme\",\"jti\":\"" + jti + "\"}";
        return HEADER + "." + b64(claims) + "." + randomB64(256);
    }

    private static String randomB64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
