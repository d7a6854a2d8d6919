package dev.zt.devissuer;

import dev.zt.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static dev.zt.devissuer.Fixtures.BILLING;
import static dev.zt.devissuer.Fixtures.INVENTORY;
import static dev.zt.devissuer.Fixtures.ORDERS;
import static dev.zt.devissuer.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6749 5.2 / RFC 8707 error responses of the token endpoint, each beside its positive control. */
class TokenEndpointErrorsIT {

    private final MutableClock clock = Fixtures.clock();
    private DevIssuer issuer;

    @BeforeEach
    void start() {
        issuer = Fixtures.issuer(clock).build().start();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private static void assertError(TestHttp.Response response, int status, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.error()).isEqualTo(error);
        assertThat(response.json()).containsKey("error_description");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void tokenWhenSecretWrongThenInvalidClient401WithBasicChallenge() {
        TestHttp.Response response = TestHttp.token(issuer, ORDERS, issuer.clientSecret(INVENTORY),
                form("grant_type", "client_credentials", "audience", INVENTORY));

        assertError(response, 401, "invalid_client");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic ");
        assertThat(TestHttp.token(issuer, ORDERS, form("grant_type", "client_credentials", "audience", INVENTORY)).status())
                .isEqualTo(200);
    }

    @Test
    void tokenWhenNoAuthorizationOrUnknownClientOrNotBasicThenInvalidClient() {
        String body = TestHttp.encode(form("grant_type", "client_credentials"));
        assertError(TestHttp.postRaw(issuer.tokenEndpoint(), null, body), 401, "invalid_client");
        assertError(TestHttp.token(issuer, "nobody", "whatever", form("grant_type", "client_credentials")), 401,
                "invalid_client");
        assertError(TestHttp.postRaw(issuer.tokenEndpoint(), "Bearer " + issuer.clientSecret(ORDERS), body), 401,
                "invalid_client");
        assertError(TestHttp.postRaw(issuer.tokenEndpoint(), "Basic !!!notbase64", body), 401, "invalid_client");
    }

    @Test
    void tokenWhenSecretSentInBodyThenRefused() {
        TestHttp.Response response = TestHttp.token(issuer, ORDERS,
                form("grant_type", "client_credentials", "client_secret", issuer.clientSecret(ORDERS)));

        assertError(response, 400, "invalid_request");
    }

    @Test
    void tokenWhenAudienceNotAllowedThenInvalidTarget() {
        assertError(TestHttp.token(issuer, INVENTORY, form("grant_type", "client_credentials", "audience", ORDERS)), 400,
                "invalid_target");
        assertError(TestHttp.token(issuer, INVENTORY, form("grant_type", "client_credentials", "resource", ORDERS)), 400,
                "invalid_target");
        assertThat(TestHttp.token(issuer, INVENTORY, form("grant_type", "client_credentials", "audience", BILLING)).status())
                .isEqualTo(200);
    }

    @Test
    void tokenWhenAudienceAmbiguousOrConflictingThenInvalidTarget() {
        assertError(TestHttp.token(issuer, ORDERS, form("grant_type", "client_credentials")), 400, "invalid_target");
        assertError(TestHttp.token(issuer, ORDERS,
                form("grant_type", "client_credentials", "audience", INVENTORY, "resource", BILLING)), 400, "invalid_target");
    }

    @Test
    void tokenWhenScopeNotAllowedThenInvalidScopeRatherThanDropped() {
        assertError(TestHttp.token(issuer, ORDERS,
                form("grant_type", "client_credentials", "audience", INVENTORY, "scope", "inventory:read orders:admin")),
                400, "invalid_scope");
        assertError(TestHttp.token(issuer, ORDERS,
                form("grant_type", "client_credentials", "audience", INVENTORY, "scope", "inventory:read  inventory:reserve")),
                400, "invalid_scope");
        assertThat(TestHttp.token(issuer, ORDERS,
                form("grant_type", "client_credentials", "audience", INVENTORY, "scope", "inventory:read inventory:reserve"))
                .json()).containsEntry("scope", "inventory:read inventory:reserve");
    }

    @Test
    void tokenWhenGrantTypeUnknownOrMissingThenRfcError() {
        assertError(TestHttp.token(issuer, ORDERS, form("grant_type", "password", "username", "a", "password", "b")), 400,
                "unsupported_grant_type");
        assertError(TestHttp.token(issuer, ORDERS, form("audience", INVENTORY)), 400, "invalid_request");
    }

    @Test
    void tokenWhenParameterRepeatedOrBodyNotFormThenInvalidRequest() {
        String authorization = TestHttp.basic(ORDERS, issuer.clientSecret(ORDERS));
        assertError(TestHttp.postRaw(issuer.tokenEndpoint(), authorization,
                "grant_type=client_credentials&audience=inventory-service&audience=billing-service"), 400, "invalid_request");
        assertError(TestHttp.postRaw(issuer.tokenEndpoint(), authorization, "application/json",
                "{\"grant_type\":\"client_credentials\",\"audience\":\"inventory-service\"}"), 400, "invalid_request");
        assertThat(TestHttp.postRaw(issuer.tokenEndpoint(), authorization,
                "grant_type=client_credentials&audience=inventory-service").status()).isEqualTo(200);
    }

    @Test
    void requestWhenHostHeaderIsNotLoopbackThenForbidden() throws IOException {
        assertThat(rawGet("evil.example")).startsWith("HTTP/1.1 403");
        assertThat(rawGet("127.0.0.1:" + issuer.issuerUri().getPort())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("localhost")).startsWith("HTTP/1.1 200");
    }

    /** A DNS-rebinding page would send its own host name: HttpClient cannot forge Host, a socket can. */
    private String rawGet(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", issuer.issuerUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /.well-known/jwks.json HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
