package dev.zt.devissuer;

import dev.zt.core.testing.MintedTokens;
import dev.zt.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static dev.zt.devissuer.Fixtures.INVENTORY;
import static dev.zt.devissuer.Fixtures.ORDERS;
import static dev.zt.devissuer.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line written while the issuer works, at every level, holds neither a client secret
 * (raw or as its Basic credentials) nor a token.
 */
class SecretsNotLoggedIT {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Logger root = Logger.getLogger("");
    private final Logger zt = Logger.getLogger("dev.zt");
    private Level previousLevel;
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        previousLevel = zt.getLevel();
        zt.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void release() {
        root.removeHandler(capture);
        zt.setLevel(previousLevel);
    }

    @Test
    void logsWhenIssuingRefusingExchangingAndRotatingThenNoSecretAndNoTokenAppear(@TempDir Path dir) {
        MutableClock clock = Fixtures.clock();
        List<String> secrets = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String jti;
        try (DevIssuer issuer = Fixtures.issuer(clock).build().start()) {
            issuer.clientIds().forEach(id -> {
                secrets.add(issuer.clientSecret(id));
                secrets.add(TestHttp.basic(id, issuer.clientSecret(id)).substring("Basic ".length()));
            });
            issuer.writeClientSecret(ORDERS, dir.resolve("orders.secret"));

            String user = MintedTokens.register(issuer.mintUserToken("alice", "acme", List.of("orders:read"), ORDERS));
            tokens.add(user);
            String service = TestHttp.token(issuer, ORDERS, form("grant_type", "client_credentials", "audience", INVENTORY))
                    .accessToken();
            tokens.add(service);
            // a wrong secret that is another client's real one must not be echoed either
            TestHttp.token(issuer, ORDERS, issuer.clientSecret(INVENTORY), form("grant_type", "client_credentials"));
            TestHttp.token(issuer, ORDERS, form("grant_type", "client_credentials", "client_secret", issuer.clientSecret(ORDERS)));
            String exchanged = TestHttp.token(issuer, ORDERS, form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token", user, "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                    "audience", INVENTORY)).accessToken();
            tokens.add(exchanged);
            TestHttp.token(issuer, ORDERS, form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token", user + "x", "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                    "audience", INVENTORY));
            tokens.add(TestHttp.postForm(issuer.devTokensEndpoint(), null,
                    form("subject", "bob", "tenant", "globex", "audience", ORDERS)).accessToken());
            Fixtures.verifier(issuer, clock, INVENTORY).verify(exchanged);
            issuer.rotateNow();
            jti = (String) Fixtures.claims(exchanged).get("jti");
        }

        String all = String.join("", lines);
        // positive control: the capture sees the issuer's lines, including the jti of an issued token
        assertThat(all).contains("ZT-8003", "ZT-8020", "ZT-8021", "ZT-8023", "ZT-8010", "ZT-8040", jti);
        for (String secret : secrets) {
            assertThat(all).doesNotContain(secret);
        }
        for (String token : tokens) {
            String[] parts = token.split("\\.");
            assertThat(all).doesNotContain(parts[1]).doesNotContain(parts[2]);
        }
    }
}
