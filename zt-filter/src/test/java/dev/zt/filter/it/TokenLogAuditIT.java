package dev.zt.filter.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Jwks;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * With every JUL logger open at ALL (the filter and zt-core log through {@code System.getLogger},
 * JUL by default), the whole hostile table, malformed requests and mutations are sent, and then no
 * captured record holds any token sent in this JVM, nor its signature segment. The control: the
 * refusals were in fact logged (ZT-6101/ZT-6102 records exist), so the audit reads real records.
 */
class TokenLogAuditIT {

    private static LogCapture logs;
    private static ZeroTrustServer server;

    @BeforeAll
    static void start() {
        logs = LogCapture.install();
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), HostileTokenIT.CLOCK).build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void logsWhenHostileValidAndMalformedTokensSentThenNoTokenInAnyRecord() {
        Http http = new Http(server);
        String valid = TestTokens.valid(HostileTokenIT.CLOCK).sign();
        Refusals.assertAccepted(http.bearer("/orders", valid), "alice");
        HostileTokenIT.hostileTokens().forEach(arguments -> {
            Supplier<String> token = ((Named<Supplier<String>>) arguments.get()[0]).getPayload();
            Refusals.assertInvalidToken(http.bearer("/orders", token.get()));
        });
        Refusals.assertInvalidRequest(http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer " + valid
                + "\r\nAuthorization: Bearer " + valid + "\r\n"));
        Refusals.assertInvalidRequest(http.get("/orders?access_token=" + valid, "Authorization", "Bearer " + valid));
        Refusals.assertNoCredentials(http.get("/orders?access_token=" + valid));
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            String mutated = MalformedInputFuzzIT.mutate(valid, random);
            if (mutated.indexOf('\r') < 0 && mutated.indexOf('\n') < 0) {
                http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer " + mutated + "\r\n", StandardCharsets.UTF_8);
            }
        }

        List<String> lines = logs.lines();
        assertThat(lines).as("the refusals were logged and captured").anyMatch(l -> l.contains("ZT-6102"));
        assertThat(lines).anyMatch(l -> l.contains("ZT-6101"));
        assertThat(Http.SENT_TOKENS).contains(valid);
        String all = String.join("\n", lines);
        assertThat(Http.SENT_TOKENS).allSatisfy(secret -> assertThat(all).doesNotContain(secret));
    }
}
