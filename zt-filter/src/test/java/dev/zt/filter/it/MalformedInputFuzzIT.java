package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Jwks;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 500 seeded random mutations of a valid token (byte flips, truncations, insertions of {@code .},
 * {@code =}, {@code %}, unicode, deletions, duplicated segments), sent raw: every answer is a 400 or
 * a 401, never a 5xx and never a 200; the unmutated token, sent the same way, is a 200.
 */
class MalformedInputFuzzIT {

    private static final long SEED = 20_261_203L;
    private static final int MUTATIONS = 500;
    private static final String INSERTS = ".=%~+/-_ \t{}\"\\é€\u00ff\u0001\u007f𝄞";
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static ZeroTrustServer server;

    @BeforeAll
    static void start() {
        LogCapture.install();
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void requestWhenTokenRandomlyMutatedThenAlways400Or401() {
        Random random = new Random(SEED);
        String original = TestTokens.valid(CLOCK).sign();
        Http http = new Http(server);
        // positive control: the same raw path accepts the unmutated token
        Refusals.assertAccepted(send(http, original), "alice");

        Map<Integer, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int sent = 0;
        for (int i = 0; i < MUTATIONS * 2 && sent < MUTATIONS && System.nanoTime() < deadline; i++) {
            String mutated = mutate(original, random);
            if (mutated.equals(original) || mutated.indexOf('\r') >= 0 || mutated.indexOf('\n') >= 0) {
                continue;
            }
            Reply reply = send(http, mutated);
            assertThat(reply.status()).as("mutation #%d answered %s", sent, reply.everything()).isIn(400, 401);
            statuses.merge(reply.status(), 1, Integer::sum);
            sent++;
        }

        assertThat(sent).isEqualTo(MUTATIONS);
        assertThat(statuses.get(401)).as("most mutations reach the verifier").isGreaterThan(MUTATIONS / 4);
    }

    private static Reply send(Http http, String token) {
        return http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n", StandardCharsets.UTF_8);
    }

    static String mutate(String token, Random random) {
        StringBuilder sb = new StringBuilder(token);
        int operations = 1 + random.nextInt(3);
        for (int op = 0; op < operations && sb.length() > 0; op++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(6)) {
                case 0 -> sb.setCharAt(at, (char) (sb.charAt(at) ^ (1 << random.nextInt(7))));
                case 1 -> sb.setLength(at);
                case 2 -> sb.insert(at, INSERTS.charAt(random.nextInt(INSERTS.length())));
                case 3 -> sb.deleteCharAt(at);
                case 4 -> {
                    List<String> segments = new ArrayList<>(List.of(sb.toString().split("\\.", -1)));
                    segments.add(random.nextInt(segments.size() + 1), segments.get(random.nextInt(segments.size())));
                    sb.setLength(0);
                    sb.append(String.join(".", segments));
                }
                default -> sb.insert(at, "%" + Integer.toHexString(random.nextInt(256)));
            }
        }
        return sb.toString();
    }
}
